/**
 * Owns what is read, not decided: coverage, causes, monitoring and blind-spot reports, the dashboard and
 * the household card (明白卡). The top of the house: nothing depends on it.
 */
package cn.fupin.report;
