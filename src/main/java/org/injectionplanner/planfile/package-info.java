/**
 * The plan file format (docs/plan-format.md): session plans ({@link org.injectionplanner.planfile.PlanJson})
 * and clinic settings ({@link org.injectionplanner.planfile.SettingsJson}) as JSON, read by binding Jackson
 * records and written as Jackson trees in one canonical form, the bytes revision hashes and signatures
 * cover. Errors are {@link org.injectionplanner.planfile.PlanFormatException}s naming the file and the JSON
 * pointer of the value at fault.
 *
 * <p>May use: {@code plan}, {@code geometry} and Jackson. Used by {@code store} (revision, autosave and lock
 * files embed or share this dialect), the command line and the exports.
 */
package org.injectionplanner.planfile;
