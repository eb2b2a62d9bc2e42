package org.injectionplanner.safety;

/**
 * How serious a finding is: a violation must be fixed or overridden with a written reason before sign-off; a
 * warning asks to be read; a note says what could not be checked or looks unusual, and colours nothing.
 */
public enum Severity { VIOLATION, WARNING, NOTE }
