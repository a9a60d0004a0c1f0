/**
 * Owns the rules folder and the rule set it compiles to: standards, versions, activation, reload and
 * broadcast. Offers the active rule set and its standards to the features that evaluate; the gate that
 * admits a folder is declared here ({@code RuleSetGate}) and offered from {@code scenario}.
 */
package cn.fupin.policy;
