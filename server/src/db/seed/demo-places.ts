/**
 * Places of the demo workspace that do not come from a boundary file. Countries are keyed by
 * ISO 3166-1 alpha-3. Admin-1 codes are illustrative (country ISO alpha-2 + national numbering);
 * see boundaries/README.md.
 */
export const COUNTRIES = [
  { pcode: 'MLI', name: 'Mali', fr: 'Mali', es: 'Malí', ar: 'مالي' },
  { pcode: 'COD', name: 'Democratic Republic of the Congo', fr: 'République démocratique du Congo', es: 'República Democrática del Congo', ar: 'جمهورية الكونغو الديمقراطية' },
  { pcode: 'TUN', name: 'Tunisia', fr: 'Tunisie', es: 'Túnez', ar: 'تونس' },
  { pcode: 'GHA', name: 'Ghana', fr: 'Ghana', es: 'Ghana', ar: 'غانا' },
  { pcode: 'SEN', name: 'Senegal', fr: 'Sénégal', es: 'Senegal', ar: 'السنغال' },
  { pcode: 'MEX', name: 'Mexico', fr: 'Mexique', es: 'México', ar: 'المكسيك' },
  { pcode: 'PER', name: 'Peru', fr: 'Pérou', es: 'Perú', ar: 'بيرو' },
];

/** [pcode, name, parent P-code, level, Arabic name?] */
export const OTHER_PLACES: [string, string, string, 'admin1' | 'admin2', string?][] = [
  // Tunisia: governorates (ISO 3166-2 TN-11 … numbering)
  ['TN11', 'Tunis', 'TUN', 'admin1', 'تونس'],
  ['TN12', 'Ariana', 'TUN', 'admin1', 'أريانة'],
  ['TN13', 'Ben Arous', 'TUN', 'admin1', 'بن عروس'],
  ['TN32', 'Jendouba', 'TUN', 'admin1', 'جندوبة'],
  ['TN42', 'Kasserine', 'TUN', 'admin1', 'القصرين'],
  ['TN43', 'Sidi Bouzid', 'TUN', 'admin1', 'سيدي بوزيد'],
  ['TN51', 'Sousse', 'TUN', 'admin1', 'سوسة'],
  ['TN61', 'Sfax', 'TUN', 'admin1', 'صفاقس'],
  ['TN71', 'Gafsa', 'TUN', 'admin1', 'قفصة'],
  ['TN82', 'Médenine', 'TUN', 'admin1', 'مدنين'],
  // Senegal: régions
  ['SN01', 'Dakar', 'SEN', 'admin1'],
  ['SN02', 'Ziguinchor', 'SEN', 'admin1'],
  ['SN04', 'Saint-Louis', 'SEN', 'admin1'],
  ['SN05', 'Tambacounda', 'SEN', 'admin1'],
  ['SN07', 'Thiès', 'SEN', 'admin1'],
  ['SN10', 'Kolda', 'SEN', 'admin1'],
  ['SN11', 'Matam', 'SEN', 'admin1'],
  // Ghana: regions
  ['GH02', 'Greater Accra', 'GHA', 'admin1'],
  ['GH05', 'Ashanti', 'GHA', 'admin1'],
  ['GH09', 'Northern', 'GHA', 'admin1'],
  ['GH10', 'Upper East', 'GHA', 'admin1'],
  ['GH11', 'Upper West', 'GHA', 'admin1'],
  // Mexico: states (INEGI numbering)
  ['MX07', 'Chiapas', 'MEX', 'admin1'],
  ['MX09', 'Ciudad de México', 'MEX', 'admin1'],
  ['MX14', 'Jalisco', 'MEX', 'admin1'],
  ['MX20', 'Oaxaca', 'MEX', 'admin1'],
  ['MX19', 'Nuevo León', 'MEX', 'admin1'],
  // Peru: departments (UBIGEO numbering)
  ['PE04', 'Arequipa', 'PER', 'admin1'],
  ['PE08', 'Cusco', 'PER', 'admin1'],
  ['PE15', 'Lima', 'PER', 'admin1'],
  ['PE21', 'Puno', 'PER', 'admin1'],
  ['PE25', 'Ucayali', 'PER', 'admin1'],
  // DR Congo: towns and territories where the mining programme works (illustrative codes)
  ['CD7101', 'Lubumbashi', 'CD71', 'admin2'],
  ['CD7102', 'Kipushi', 'CD71', 'admin2'],
  ['CD7103', 'Kambove', 'CD71', 'admin2'],
  ['CD7104', 'Likasi', 'CD71', 'admin2'],
  ['CD7201', 'Kolwezi', 'CD72', 'admin2'],
  ['CD7202', 'Mutshatsha', 'CD72', 'admin2'],
  ['CD7203', 'Lubudi', 'CD72', 'admin2'],
  ['CD6201', 'Bukavu', 'CD62', 'admin2'],
  ['CD6202', 'Kalehe', 'CD62', 'admin2'],
  ['CD6203', 'Mwenga', 'CD62', 'admin2'],
  ['CD6204', 'Shabunda', 'CD62', 'admin2'],
];
