/**
 * The code systems and codes Sunlog's FHIR R4 export and import use, in one place. Each code carries how
 * well it was checked; a partly checked code ([P]) is confirmed against the official release before a
 * clinical deployment. See: docs/medical-reference.md §5.
 */

/** Canonical URLs of the code systems (FHIR R4 `Coding.system`). */
export const CODE_SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  atc: 'http://www.whocc.no/atc',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  observationInterpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  /**
   * Sunlog's own tag system: base R4 has no code meaning "entered by the patient", so the Bundle's
   * resources carry this tag (and the Patient as performer or information source) to say so.
   */
  sunlogTag: 'urn:sunlog:fhir:tag',
} as const;

/** How well a code was checked: [V] in an authoritative source, [P] in a secondary or single source. */
export type CodeCheck = 'verified' | 'partly-verified';

export interface KnownCode {
  readonly system: string;
  readonly code: string;
  readonly display: string;
  readonly check: CodeCheck;
}

/** LOINC codes for serum 25-hydroxyvitamin D and calcium. See: docs/medical-reference.md §5.1. */
export const LOINC = {
  /** 25-hydroxyvitamin D2 + D3, mass/volume: the default for a total 25(OH)D result. [V] */
  vitaminDTotalMass: {
    system: CODE_SYSTEMS.loinc,
    code: '62292-8',
    display: '25-Hydroxyvitamin D3+25-Hydroxyvitamin D2 [Mass/volume] in Serum or Plasma',
    check: 'verified',
  },
  /** 25-hydroxyvitamin D3 only, mass/volume; many labs report the total under it. [V] */
  vitaminD3Mass: {
    system: CODE_SYSTEMS.loinc,
    code: '1989-3',
    display: '25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma',
    check: 'verified',
  },
  /** 25-hydroxyvitamin D3 only, moles/volume. [V] */
  vitaminD3Molar: {
    system: CODE_SYSTEMS.loinc,
    code: '14635-7',
    display: '25-hydroxyvitamin D3 [Moles/volume] in Serum or Plasma',
    check: 'verified',
  },
  /** 25-hydroxycalciferol, mass/volume; used by some labs for the total. [P] */
  hydroxycalciferolMass: {
    system: CODE_SYSTEMS.loinc,
    code: '49054-0',
    display: '25-Hydroxycalciferol [Mass/volume] in Serum or Plasma',
    check: 'partly-verified',
  },
  /** Calcium, mass/volume, serum or plasma. [V] */
  calciumMass: {
    system: CODE_SYSTEMS.loinc,
    code: '17861-6',
    display: 'Calcium [Mass/volume] in Serum or Plasma',
    check: 'verified',
  },
} as const satisfies Record<string, KnownCode>;

/**
 * LOINC codes an imported Observation may carry to count as a 25(OH)D result (then converted by its
 * unit). Calcitriol (1,25-dihydroxyvitamin D) codes are deliberately absent: it is a different test.
 * See: docs/medical-reference.md §1 and §5.1.
 */
export const VITAMIN_D_RESULT_LOINC_CODES: readonly string[] = [
  LOINC.vitaminDTotalMass.code,
  LOINC.vitaminD3Mass.code,
  LOINC.vitaminD3Molar.code,
  LOINC.hydroxycalciferolMass.code,
];

/** SNOMED CT concepts. See: docs/medical-reference.md §5.2. */
export const SNOMED = {
  /** Multiple sclerosis (disorder). [V] */
  multipleSclerosis: {
    system: CODE_SYSTEMS.snomed,
    code: '24700007',
    display: 'Multiple sclerosis',
    check: 'verified',
  },
  /** Relapsing remitting multiple sclerosis. [V] */
  relapsingRemittingMs: {
    system: CODE_SYSTEMS.snomed,
    code: '426373005',
    display: 'Relapsing remitting multiple sclerosis',
    check: 'verified',
  },
  /** Exacerbation of multiple sclerosis. [P] */
  msExacerbation: {
    system: CODE_SYSTEMS.snomed,
    code: '192929006',
    display: 'Exacerbation of multiple sclerosis',
    check: 'partly-verified',
  },
  /** Fatigue (finding). [P] */
  fatigue: {
    system: CODE_SYSTEMS.snomed,
    code: '84229001',
    display: 'Fatigue',
    check: 'partly-verified',
  },
} as const satisfies Record<string, KnownCode>;

/** RxNorm ingredients for the two forms of vitamin D. See: docs/medical-reference.md §5.2. */
export const RXNORM = {
  /** Cholecalciferol (vitamin D3), ingredient. [P] */
  cholecalciferol: {
    system: CODE_SYSTEMS.rxnorm,
    code: '2418',
    display: 'cholecalciferol',
    check: 'partly-verified',
  },
  /** Ergocalciferol (vitamin D2), ingredient. [P] */
  ergocalciferol: {
    system: CODE_SYSTEMS.rxnorm,
    code: '4018',
    display: 'ergocalciferol',
    check: 'partly-verified',
  },
} as const satisfies Record<string, KnownCode>;

/** WHO ATC codes for the two forms. [V] See: docs/medical-reference.md §5.2. */
export const ATC = {
  colecalciferol: { system: CODE_SYSTEMS.atc, code: 'A11CC05', display: 'colecalciferol', check: 'verified' },
  ergocalciferol: { system: CODE_SYSTEMS.atc, code: 'A11CC01', display: 'ergocalciferol', check: 'verified' },
} as const satisfies Record<string, KnownCode>;
