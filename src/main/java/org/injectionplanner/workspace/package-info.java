/**
 * The plans a user works with at one time ({@link org.injectionplanner.workspace.PlanWorkspace}): the
 * current session plan open for editing in the plan store, read-only plans shown beside it, the clinic
 * settings and the selection, with change listeners. No user interface: it uses {@code plan},
 * {@code safety} and {@code store}; the ImageJ plugin and headless tools use it.
 */
package org.injectionplanner.workspace;
