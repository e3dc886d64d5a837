// Countries, demonyms and capitals from the maintained `world-countries` package, plus the few names news uses
// that the dataset files under another common name ("Turkey" for Türkiye).

import worldCountries from 'world-countries';
import { nameKey } from '../fold';

interface CountryInfo {
  /** The name news writes, used for display and as the key. */
  name: string;
  capital?: string;
}

/** News names for countries whose dataset common name differs. */
const NEWS_NAMES: Record<string, string> = { Türkiye: 'Turkey' };
/** Extra ways news names a country, folded. */
const EXTRA_ALIASES: Record<string, string[]> = {
  Turkey: ['turkey', 'turkiye'],
  'United States': ['us', 'u.s.', 'usa', 'u.s.a.', 'america', 'united states of america', 'american'],
  'United Kingdom': ['uk', 'u.k.', 'britain', 'great britain', 'british'],
  Russia: ['russian federation'],
  Syria: ['syrian arab republic'],
  Iran: ['islamic republic of iran', 'persia'],
};

let byKey: Map<string, CountryInfo> | undefined;
let capitals: Map<string, CountryInfo> | undefined;

function load(): Map<string, CountryInfo> {
  if (byKey) return byKey;
  byKey = new Map();
  capitals = new Map();
  const list = ((worldCountries as unknown as { default?: unknown }).default ?? worldCountries) as {
    name: { common: string; official: string };
    altSpellings: string[];
    capital: string[];
    unMember?: boolean;
    demonyms?: { eng?: { m: string; f: string } };
  }[];
  // UN members first: territories share demonyms and capital names with them ("American" is the United States,
  // not the Northern Mariana Islands; "French" is France; "Kingston" is Jamaica's capital).
  const ordered = [...list].sort((a, b) => Number(!!b.unMember) - Number(!!a.unMember));
  for (const c of ordered) {
    const info: CountryInfo = { name: NEWS_NAMES[c.name.common] ?? c.name.common, capital: c.capital[0] };
    const keys = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3), c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(EXTRA_ALIASES[info.name] ?? [])];
    for (const k of keys) if (k && !byKey.has(nameKey(k))) byKey.set(nameKey(k), info);
    if (info.capital && !capitals.has(nameKey(info.capital))) capitals.set(nameKey(info.capital), info);
  }
  return byKey;
}

/** The country a name, alias or demonym refers to ("Turkish", "Turkey's" -> Turkey). */
export function countryOf(name: string): string | undefined {
  return load().get(nameKey(name.replace(/['’]s$/, '')))?.name;
}

/** The capital of a country given by name or demonym ("Turkish" -> Ankara). */
export function capitalOf(name: string): string | undefined {
  return load().get(nameKey(name))?.capital;
}

/** The country whose capital this city is, if it is one. */
export function countryOfCapital(city: string): string | undefined {
  load();
  return capitals!.get(nameKey(city))?.name;
}
