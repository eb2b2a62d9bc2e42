package org.injectionplanner.plan;

/** Where an injection stands in the procedure record. */
public enum InjectionState { PLANNED, DONE, SKIPPED }
