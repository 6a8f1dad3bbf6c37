/**
 * Responsible for turning names into stable ids: lowercase ASCII words joined by
 * hyphens. Cyrillic is transliterated so Russian-language names still get a readable id.
 */

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian and Belarusian letters the Russian table lacks.
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
};

// Letters that Unicode decomposition does not reduce to ASCII.
const SPECIAL: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', þ: 'th', ð: 'd' };

/** Lowercase, Cyrillic transliterated, accents dropped: `"Псков Ełk"` → `"pskov elk"`. */
export function foldToAscii(text: string): string {
  const mapped = [...text.toLowerCase()].map((char) => CYRILLIC[char] ?? SPECIAL[char] ?? char).join('');
  return mapped.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** `"Pleskavas pilsētas … «Gorvodokanal»"` → `"pleskavas-pilsetas-gorvodokanal"`. */
export function slugify(text: string): string {
  return foldToAscii(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug cut at a word boundary so it is at most `max` characters long. */
export function shortSlug(text: string, max: number): string {
  const slug = slugify(text);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max);
}
