/**
 * Owns bulk re-evaluation of a region or the province (全面排查): runs, dry runs, their diffs, resume and
 * remote partitioning. Offers its endpoints; nothing below depends on it.
 */
package cn.fupin.reevaluation;
