/**
 * Fictional names for the demo history, in several scripts, and the seeded random numbers that
 * pick them. Invented for this product: first and last names are drawn separately, so no child
 * of the demo is anyone in particular.
 */

export interface Draw {
  (): number;
}

export const pick = <T>(random: Draw, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** One of `weighted`'s values, each as likely as its weight. */
export function weighted<T>(random: Draw, weighted: ReadonlyArray<readonly [T, number]>): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let at = random() * total;
  for (const [value, w] of weighted) {
    at -= w;
    if (at < 0) return value;
  }
  return (weighted.at(-1) as readonly [T, number])[0];
}

interface Script {
  /** Which language a parent may prefer (an interpreter is sometimes needed). */
  language: string;
  girls: readonly string[];
  boys: readonly string[];
  family: readonly string[];
}

/** Name pools by script; weights say how often each appears among the children. */
export const scripts: ReadonlyArray<readonly [Script, number]> = [
  [{ language: 'English', girls: ['Marlowe', 'Tansy', 'Wrenna', 'Elowen', 'Bryony', 'Sorrel', 'Linnet', 'Aveline'], boys: ['Corwin', 'Tobiah', 'Ansel', 'Rufus', 'Lorcan', 'Fenwick', 'Osric', 'Barnaby'], family: ['Quillon', 'Hartwell', 'Amberley', 'Thistlewood', 'Penhallow', 'Greystoke', 'Mossley', 'Fairweather', 'Brackenbury', 'Oakhurst'] }, 50],
  [{ language: 'Polish', girls: ['Zofiełka', 'Jagienka', 'Wiesława'], boys: ['Bożydar', 'Radosław', 'Wszebor'], family: ['Wróblewiczówna', 'Kłosowiak', 'Żurawiecki', 'Brzozowiak'] }, 7],
  [{ language: 'Arabic', girls: ['سلمى', 'ريحانة', 'لجين'], boys: ['زياد', 'مهند', 'نزار'], family: ['الفرحاني', 'بن سليطين', 'القيرواني'] }, 7],
  [{ language: 'Ukrainian', girls: ['Ярослава', 'Мирослава', 'Злата'], boys: ['Богдан', 'Ростислав', 'Святополк'], family: ['Ковальчишин', 'Березняк', 'Гайдамаченко'] }, 6],
  [{ language: 'Greek', girls: ['Ξανθίππη', 'Φαίδρα', 'Ηλέκτρα'], boys: ['Θεμιστοκλής', 'Λυσίμαχος', 'Ερμόλαος'], family: ['Παπαδοστεφανάκης', 'Κυπαρισσιώτης', 'Ζαφειρόπουλος'] }, 4],
  [{ language: 'Bengali', girls: ['তৃষা', 'মৌমিতা', 'শ্রাবন্তী'], boys: ['অরিত্র', 'সৌম্যদীপ', 'তন্ময়'], family: ['দাশগুপ্ত', 'রায়চৌধুরী', 'মজুমদার'] }, 5],
  [{ language: 'Hindi', girls: ['अनुप्रिया', 'वैदेही', 'ऋतंभरा'], boys: ['अक्षत', 'हर्षवर्धन', 'विभोर'], family: ['श्रीवास्तव', 'चतुर्वेदी', 'भारद्वाज'] }, 4],
  [{ language: 'Mandarin', girls: ['静怡', '雨桐', '梓萱'], boys: ['浩宇', '子墨', '俊熙'], family: ['欧阳', '司马', '慕容'] }, 4],
  [{ language: 'Irish', girls: ['Caoilfhionn', 'Bláithín', 'Saorla'], boys: ['Tadhgán', 'Fiachra', 'Oisín'], family: ['Ó Corcráin', 'Mac Giolla Bhríde', 'Ní Mhaoileoin'] }, 5],
  [{ language: 'Somali', girls: ['Hodan', 'Ubax', 'Nasteexo'], boys: ['Guuleed', 'Abshir', 'Dalmar'], family: ['Warsame-Godir', 'Xirsi', 'Cigaal'] }, 4],
  [{ language: 'Romanian', girls: ['Ilinca', 'Sânziana', 'Codrina'], boys: ['Tudorel', 'Vlăduț', 'Sorin-Ștefan'], family: ['Stănculescu', 'Brâncoveanu-Iliescu', 'Zăvoianu'] }, 4],
];

export interface DrawnName {
  firstName: string;
  lastName: string;
  language: string;
}

/** A child's name: a first name for `gender` (either pool when not stated) and a family name, from one script. */
export function childName(random: Draw, gender: 'female' | 'male' | 'other' | 'not-stated'): DrawnName {
  const script = weighted(random, scripts);
  const pool = gender === 'female' ? script.girls : gender === 'male' ? script.boys : random() < 0.5 ? script.girls : script.boys;
  return { firstName: pick(random, pool), lastName: pick(random, script.family), language: script.language };
}

/** A parent's first name from the same script as the child's family name. */
export function parentFirstName(random: Draw, language: string): string {
  const script = scripts.map(([s]) => s).find((s) => s.language === language) ?? (scripts[0] as readonly [Script, number])[0];
  return pick(random, random() < 0.5 ? script.girls : script.boys);
}
