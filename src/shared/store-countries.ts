// The countries with an Apple Podcasts store, as the two-letter codes its charts and search take.
// The page offers them; the server asks Apple about no other.

/** Every store country's code. */
export const STORE_COUNTRIES =
  'ae ag ai al am ao ar at au az bb be bf bg bh bj bm bn bo br bs bt bw by bz ca cg ch cl cn co cr cv cy cz de dk dm do dz ec ee eg es fi fj fm fr gb gd gh gm gr gt gw gy hk hn hr hu id ie il in is it jm jo jp ke kg kh kn kr kw ky kz la lb lc lk lr lt lu lv md mg mk ml mn mo mr ms mt mu mw mx my mz na ne ng ni nl no np nz om pa pe pg ph pk pl pt pw py qa ro ru sa sb sc se sg si sk sl sn sr st sv sz tc td th tj tm tn tr tt tw tz ua ug us uy uz vc ve vg vn ye za zw'.split(
    ' ',
  );

/** Whether `code` names a store country. */
export function isStoreCountry(code: unknown): code is string {
  return typeof code === 'string' && STORE_COUNTRIES.includes(code);
}
