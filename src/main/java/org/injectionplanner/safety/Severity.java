package org.injectionplanner.safety;

/** How serious a finding is: a violation must be fixed or overridden with a written reason before sign-off. */
public enum Severity { VIOLATION, WARNING }
