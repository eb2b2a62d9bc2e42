package org.injectionplanner.plan;

/**
 * The state of a session plan: a draft can be edited; a signed plan is read-only except for its
 * procedure record, and changes only through an amendment, which makes it a draft again.
 */
public enum PlanStatus { DRAFT, SIGNED }
