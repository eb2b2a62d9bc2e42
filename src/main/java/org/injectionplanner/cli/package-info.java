/**
 * The command line ({@code java -jar Injection_Planner.jar <command>}, the jar's Main-Class): inspect,
 * decode, verify-store, validate, order and generate-samples, with JSON on standard output and
 * {@code error: <message>} on standard error (README, "Command line").
 *
 * <p>The only package that writes to {@code System.out} and {@code System.err}. May use every package
 * except {@code imagej}: it runs without ImageJ (docs/design.md §2).
 */
package org.injectionplanner.cli;
