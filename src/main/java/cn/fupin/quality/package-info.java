/**
 * Owns the data-quality checks (数据质量核查): the findings the quality rules report and their store.
 * Offers the checks to bulk runs, and the findings on a stored household to the registry's PUT.
 */
package cn.fupin.quality;
