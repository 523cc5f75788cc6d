/**
 * Words that end in a full stop without ending a sentence. Compared case-insensitively,
 * without the final dot. Single capital letters (initials such as "J. R. R.") are handled
 * separately, and so are dotted acronyms such as "U.S." and "e.g.".
 */
export const ABBREVIATIONS: readonly string[] = [
  // titles and ranks
  "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "fr", "sr", "jr", "st", "sen", "rep", "gov", "pres",
  "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "adm", "sgt", "cpl", "pvt", "hon", "amb", "supt", "insp",
  // months and days
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  // places and companies
  "ave", "blvd", "rd", "mt", "ft", "co", "corp", "inc", "ltd", "bros", "dept", "univ", "assn",
  // running text
  "vs", "etc", "approx", "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "ed", "eds", "est",
  "al", "cf", "ca", "min", "max", "incl", "excl",
];
