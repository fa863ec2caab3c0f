// Characters Markdown (Teams cards, exported files) reads as formatting, links or HTML anywhere in a line.
const INLINE = /[\\`*_[\]()~<>#|]/g;
const LINE_BREAKS = /\r\n|\r|\n/;

/** Escapes user text so Markdown shows it literally, on one line: newlines become spaces, a leading list or quote marker is escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .split(LINE_BREAKS)
    .join(' ')
    .replace(INLINE, (char) => `\\${char}`)
    .replace(/^(\s*)([-+>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Escapes multi-line user text line by line, keeping its line breaks as Markdown hard breaks. */
export function escapeMarkdownLines(text: string): string {
  return text.split(LINE_BREAKS).map(escapeMarkdown).join('  \n');
}
