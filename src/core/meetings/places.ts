// Countries, demonyms and capitals from the maintained `world-countries` package, plus the few names news uses
// that the dataset files under another common name ("Turkey" for Türkiye).

import worldCountries from 'world-countries';
import { nameKey } from '../fold';
import venuePack from '../rules/venues.yaml';

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
    // "Washington D.C." is "Washington" in the news.
    for (const capital of info.capital ? [info.capital, info.capital.replace(/\s+D\.\s?C\.$/, '')] : []) if (!capitals.has(nameKey(capital))) capitals.set(nameKey(capital), info);
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

// Venues (the Kremlin, the Filoli estate, the Élysée) and the city each is in, and cities under the names pages
// in other languages give them: rules/venues.yaml.

interface VenuePack {
  venues: { names: string[]; city: string; area?: string }[];
  cityNames: Record<string, string[]>;
  regions: string[];
}

interface Venue {
  city: string;
  area?: string;
}

let venues: Map<string, Venue> | undefined;
let cityNames: Map<string, string> | undefined;
let venuePattern: RegExp | undefined;
let regions: Set<string> | undefined;

function loadVenues(): Map<string, Venue> {
  if (venues) return venues;
  const data = ((venuePack as unknown as { default?: VenuePack }).default ?? venuePack) as VenuePack;
  venues = new Map();
  cityNames = new Map();
  regions = new Set(data.regions.map((r) => nameKey(r)));
  for (const v of data.venues) for (const n of v.names) venues.set(nameKey(n), { city: v.city, area: v.area });
  for (const [city, names] of Object.entries(data.cityNames)) {
    cityNames.set(nameKey(city), city);
    for (const n of names) cityNames.set(nameKey(n), city);
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const all = [...data.venues.flatMap((v) => v.names), ...Object.values(data.cityNames).flat()].sort((a, b) => b.length - a.length);
  venuePattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return venues;
}

/** The city (and wider area) of a venue a page names ("Kremlin" -> Moscow; "Filoli" -> Woodside, area San Francisco). */
export function venueOf(name: string): Venue | undefined {
  return loadVenues().get(nameKey(name.replace(/^the\s+/i, '')));
}

/** A city under another language's name or an older spelling ("Pechino" -> Beijing), or undefined. */
export function cityNamed(name: string): string | undefined {
  loadVenues();
  return cityNames!.get(nameKey(name));
}

/** Whether a name is a venue or a city the venue pack knows (not a person, whatever its capital letter says). */
export function isKnownPlaceName(name: string): boolean {
  return !!venueOf(name) || !!cityNamed(name) || !!countryOfCapital(name);
}

/** Every venue or other-language city name written in a text, with its offset. */
export function venuesIn(text: string): { name: string; index: number }[] {
  loadVenues();
  return [...text.matchAll(venuePattern!)].map((m) => ({ name: m[0], index: m.index! }));
}

/** The place a name stands for when places are compared: a venue's area or city, a city under its news name. */
export function placeKey(name: string): string {
  const venue = venueOf(name);
  if (venue) return nameKey(venue.area ?? venue.city);
  const city = cityNamed(name);
  const key = nameKey(city ?? name);
  // A city that is another venue's area ("San Francisco" for Woodside) is keyed by itself already.
  return key;
}

/** Two place names for one place: equal, one the capital of the other (country), or one venue's city or area. */
export function samePlace(a: string, b: string): boolean {
  if (a === b) return true;
  const ka = placeKey(a);
  const kb = placeKey(b);
  if (ka === kb) return true;
  const cityA = venueOf(a)?.city ?? cityNamed(a) ?? a;
  const cityB = venueOf(b)?.city ?? cityNamed(b) ?? b;
  if (nameKey(cityA) === nameKey(cityB)) return true;
  if (countryOfCapital(cityA) === b || countryOfCapital(cityB) === a) return true;
  // A venue's name cut short by the page or the entity layer ("Union" for the Union Buildings).
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return !!venueOf(long) && nameKey(long).startsWith(`${nameKey(short)} `);
}

/** A country or a region (a state, a province): where a meeting was only as agreement, never against a city. */
export function isRegion(name: string): boolean {
  loadVenues();
  return !!countryOf(name) || regions!.has(nameKey(name));
}
