/**
 * Owns the synthetic province (generated households with planted errors) for tests and benchmarks. Offers
 * the {@code generate} command to the application's entry point.
 */
@NamedInterface("synthetic")
package cn.fupin.household.synthetic;

import org.springframework.modulith.NamedInterface;
