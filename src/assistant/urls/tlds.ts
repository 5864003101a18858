/**
 * Just enough knowledge of top-level domains to tell `example.com` (a link WhatsApp previews) from
 * `node.js` or `report.pdf` (words and file names) when neither has a scheme, `www.`, a port or a path.
 * Longer top-level domains are accepted unless they are a common file extension, because new ones
 * appear every year; a false alarm costs a second click, a missed link can leak data.
 */

/** ISO 3166 country codes in use as top-level domains, plus ac, eu, su, uk. */
const COUNTRY_CODES = new Set(
  (
    'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ' +
    'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk ' +
    'fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir ' +
    'is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ' +
    'ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl ' +
    'pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc ' +
    'td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw'
  ).split(' '),
);

/** File extensions that are not top-level domains (`.zip` and `.mov` are, and stay links). */
const FILE_EXTENSIONS = new Set(
  (
    'txt pdf doc docx xls xlsx ppt pptx odt ods odp rtf jpg jpeg png gif webp heic heif bmp tif tiff svg ' +
    'mp3 mp4 m4a wav ogg opus aac flac avi mkv webm csv tsv json xml yaml yml html htm css exe msi apk dmg ' +
    'iso tar rar log ini cfg conf tmp bak java cpp php sql vcf ics'
  ).split(' '),
);

/**
 * Whether `tld` (the last label of a host written without scheme, `www.`, port or path) makes the
 * host a link rather than a word. `Smith` in "Mr.Smith" is a capitalised word, not a domain.
 */
export function isLikelyTopLevelDomain(tld: string): boolean {
  if (/^xn--/i.test(tld)) return true;
  const letters = [...tld];
  if (letters.length < 2) return false;
  if (/^\p{Lu}\p{Ll}+$/u.test(tld)) return false;
  const lower = tld.toLowerCase();
  if (/^[a-z]+$/.test(lower)) {
    if (lower.length === 2) return COUNTRY_CODES.has(lower);
    return !FILE_EXTENSIONS.has(lower);
  }
  // Internationalised top-level domains (`рф`, `中国`): letters of any script.
  return /^[\p{L}\p{M}]+$/u.test(tld);
}
