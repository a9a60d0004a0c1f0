/**
 * Owns the scenario tests of a rules folder and the gate built on them ({@code ScenarioGate}), which both
 * kinds of rule (measures and findings) reach; also the {@code rules validate} command. Offers the gate
 * to {@code policy} through {@code RuleSetGate}.
 */
package cn.fupin.scenario;
