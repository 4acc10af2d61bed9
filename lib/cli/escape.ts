/**
 * The one escaping policy of the CLI's terminal output (text format and stderr): plan-derived and
 * user-given text never writes a control character to the terminal. No cdktf imports.
 */

/**
 * The characters {@link printable} escapes: C0 controls (newline, carriage return, tab, ESC,
 * BEL...), DEL, C1 controls (U+0080-U+009F, which some terminals take as CSI or OSC), the Unicode
 * line and paragraph separators, and the bidirectional formatting characters that can make a
 * terminal show text in another order than it is written (U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069).
 */
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` as one printable line: every character of {@link UNPRINTABLE} becomes a visible `\uXXXX`
 * escape, so a name, path or message from a plan is always one line and never moves the cursor,
 * clears the screen, sets the window title or rings the bell.
 * @param text any text (a non-string is converted with `String`)
 */
export function printable(text: string): string {
  return String(text).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `text` cut to `max` characters, saying how long it was: `aaaa... (10485760 characters)`, so that
 * a 10 MB name from a plan cannot fill a terminal or a log.
 * @param max the most characters kept (default 100)
 */
export function clip(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;
}
