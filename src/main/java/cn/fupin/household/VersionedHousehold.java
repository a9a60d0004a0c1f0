package cn.fupin.household;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A household as stored, with its version (sent as the ETag). */
public record VersionedHousehold(@JsonUnwrapped Household household, long version) {}
