/**
 * Owns the measures (帮扶措施), evaluating a household with the rules, the evaluations and the ledger of
 * measures. Offers the facts and matches the rules use, and evaluation to the bulk runs and reports.
 */
package cn.fupin.matching;
