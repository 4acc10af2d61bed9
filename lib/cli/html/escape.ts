/**
 * HTML escaping for the HTML report. Every text that comes from a plan goes through
 * {@link escapeHtml} before it reaches the page, in element content and in attribute values
 * alike (inline SVG included). No cdktf imports.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values; control
 * characters other than tab and line breaks (which HTML forbids) become U+FFFD.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}
