package org.injectionplanner.plan;

/** The state of a session plan. Sign-off adds further states (issue: session map and sign-off). */
public enum PlanStatus { DRAFT }
