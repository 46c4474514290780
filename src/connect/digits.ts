// Digits the platform accepts are ASCII. A phone keyboard or a Japanese IME types full-width
// digits ("４１１１"); NFKC maps those (and styled maths digits) to ASCII. Digits of other
// scripts (Arabic-Indic, Devanagari, …) have no NFKC form and stay as typed, so the
// validators refuse them.
const DIGIT = /\p{Nd}/gu;

/** `value` with every decimal digit NFKC maps to `0`–`9` replaced by that ASCII digit. */
export function asciiDigits(value: string): string {
  return value.replace(DIGIT, (digit) => {
    const ascii = digit.normalize('NFKC');
    return ascii >= '0' && ascii <= '9' && ascii.length === 1 ? ascii : digit;
  });
}
