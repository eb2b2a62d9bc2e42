/**
 * The domain model: immutable {@link org.injectionplanner.plan.SessionPlan}s of targets, nerve zones,
 * needle paths and injections in session order, the checklist, overrides, signature and amendments, the
 * clinic's settings (limits, structure catalogue, presets, checklist), and
 * {@link org.injectionplanner.plan.PlanEditor}, the one way to change a plan (undoable edits, one change
 * event per edit or batch). Background: docs/domain.md.
 *
 * <p>May use {@code dicom} and {@code geometry} only (docs/design.md §2).
 */
package org.injectionplanner.plan;
