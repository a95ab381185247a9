import { createHash, randomUUID } from "node:crypto";
import {
  isValidNhsNumber,
  meetsLevel,
  nhsNumberCheckDigit,
  type Level,
} from "nhs-login-vocabulary";

export interface GpIntegrationCredentials {
  gp_user_id: string;
  gp_linkage_key: string;
  gp_ods_code: string;
}

/** The details a person's identity check finds: filled in when they reach P5 or P9. */
export interface Demographics {
  nhsNumber: string;
  birthdate: string;
  givenName: string;
  familyName: string;
  gpOdsCode?: string;
}

/** How the Personal Demographics Service answers for a person (the simulator's API platform). */
export const PDS_VARIANTS = [
  /** A record that matches NHS login's details. */
  "matches",
  /** Restricted: no address, phone, email or GP surgery; security label R. */
  "restricted",
  /** The record's surname and mobile number differ from NHS login's. */
  "differs",
  /** NHS login's NHS number was superseded: the record comes back under another. */
  "superseded",
  /** PDS has no record for the NHS number (404). */
  "not-found",
  /** The record was invalidated and not superseded (404). */
  "invalidated",
] as const;
export type PdsVariant = (typeof PDS_VARIANTS)[number];

/** How the Organisation Data Service answers for a person's GP surgery. */
export const SURGERY_VARIANTS = ["open", "closed", "unknown"] as const;
export type SurgeryVariant = (typeof SURGERY_VARIANTS)[number];

/** How NHS England's APIs hold a person; each part defaults to the ordinary case. */
export interface NhsRecordSeed {
  pds?: PdsVariant;
  surgery?: SurgeryVariant;
}

export interface Persona {
  id: string;
  /** NHS login's never-reassigned subject identifier. */
  sub: string;
  description: string;
  email: string;
  password: string;
  phoneNumber: string;
  landlineNumber?: string;
  /** The highest level the person has reached: NHS login's `identity_proofing_level`. */
  level: Level;
  /**
   * The level a log-in proves, when lower than `level`, until the person confirms it's them: a
   * person NHS login has verified to P9 whose log-in it answers with a P5 vector. Absent, a
   * log-in proves `level`.
   */
  logsInAt?: Level;
  demographics?: Demographics;
  gpIntegrationCredentials?: GpIntegrationCredentials;
  /** Whether an identity check (uplift) succeeds, and the details it finds when they are missing. */
  canUplift: boolean;
  upliftDemographics?: Demographics;
  nhsRecord?: NhsRecordSeed;
  /** `client_user_metadata` per client id, set with PATCH /userinfo. */
  clientMetadata: Map<string, string>;
}

export const PASSWORD = "password";
export const EMAIL_DOMAIN = "simulator.example";

/**
 * Synthetic NHS numbers from the 999 range (never issued to real people). `serial` picks the
 * n-th valid number, skipping prefixes that have no valid check digit.
 */
export function syntheticNhsNumber(serial: number): string {
  let found = -1;
  for (let body = 0; body < 1_000_000; body += 1) {
    const firstNine = `999${String(body).padStart(6, "0")}`;
    const digit = nhsNumberCheckDigit(firstNine);
    if (digit === null) continue;
    found += 1;
    if (found === serial) return `${firstNine}${digit}`;
  }
  throw new Error("ran out of synthetic NHS numbers");
}

function stableSub(id: string): string {
  const hex = createHash("sha256").update(`simulator-persona:${id}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Numbers from Ofcom's range reserved for drama, so they never reach a real phone. */
function syntheticMobile(serial: number): string {
  return `+447700900${String(serial % 1000).padStart(3, "0")}`;
}

interface PersonaSeed {
  id: string;
  description: string;
  level: Level;
  logsInAt?: Level;
  canUplift: boolean;
  demographics?: Demographics;
  upliftDemographics?: Demographics;
  gpIntegrationCredentials?: GpIntegrationCredentials;
  nhsRecord?: NhsRecordSeed;
}

/** A P9 or P5 person whose NHS record is out of the ordinary (for the API platform). */
function recordSeed(
  id: string,
  level: "P5" | "P9",
  serial: number,
  names: { givenName: string; familyName: string; birthdate: string },
  nhsRecord: NhsRecordSeed,
  description: string,
): PersonaSeed {
  return {
    id,
    description,
    level,
    canUplift: true,
    demographics: {
      nhsNumber: syntheticNhsNumber(serial),
      ...names,
      gpOdsCode: `Y900${String(serial).padStart(2, "0")}`,
    },
    nhsRecord,
  };
}

const BUILT_IN_SEEDS: PersonaSeed[] = [
  {
    id: "p0",
    description: "P0: email and mobile verified only; cannot prove who they are",
    level: "P0",
    canUplift: false,
  },
  {
    id: "p0-uplift",
    description: "P0: email and mobile verified; can prove who they are (uplift to P5 or P9)",
    level: "P0",
    canUplift: true,
    upliftDemographics: {
      nhsNumber: syntheticNhsNumber(5),
      birthdate: "1990-05-05",
      givenName: "Uma",
      familyName: "SIMUPLIFT",
      gpOdsCode: "Y90005",
    },
  },
  {
    id: "p5",
    description: "P5: details matched to their NHS record; can uplift to P9",
    level: "P5",
    canUplift: true,
    demographics: {
      nhsNumber: syntheticNhsNumber(1),
      birthdate: "1985-01-15",
      givenName: "Petra",
      familyName: "SIMFIVE",
      gpOdsCode: "Y90001",
    },
  },
  {
    id: "p9",
    description: "P9: photo ID checked; registered with a GP surgery",
    level: "P9",
    canUplift: true,
    demographics: {
      nhsNumber: syntheticNhsNumber(2),
      birthdate: "1970-09-09",
      givenName: "Nadia",
      familyName: "SIMNINE",
      gpOdsCode: "Y90002",
    },
  },
  {
    id: "p9-im1",
    description: "P9 with GP online services (IM1) credentials",
    level: "P9",
    canUplift: true,
    demographics: {
      nhsNumber: syntheticNhsNumber(3),
      birthdate: "1962-03-03",
      givenName: "Ian",
      familyName: "SIMLINKED",
      gpOdsCode: "Y90003",
    },
    gpIntegrationCredentials: {
      gp_user_id: "sim-im1-user-0003",
      gp_linkage_key: "SIMLINKKEY0003",
      gp_ods_code: "Y90003",
    },
  },
  {
    // Invalid IM1 details: the credentials name a different practice from the person's GP
    // registration and carry an empty linkage key, so no GP system could link them.
    id: "p9-im1-invalid",
    description: "P9 with invalid IM1 credentials (wrong practice, empty linkage key)",
    level: "P9",
    canUplift: true,
    demographics: {
      nhsNumber: syntheticNhsNumber(4),
      birthdate: "1958-04-04",
      givenName: "Ivy",
      familyName: "SIMBROKEN",
      gpOdsCode: "Y90004",
    },
    gpIntegrationCredentials: {
      gp_user_id: "sim-im1-user-0004",
      gp_linkage_key: "",
      gp_ods_code: "Y99999",
    },
  },
  recordSeed(
    "p9-restricted",
    "P9",
    6,
    { givenName: "Rosa", familyName: "SIMHIDDEN", birthdate: "1988-06-06" },
    { pds: "restricted" },
    "P9 with a restricted NHS record: no address, phone or GP surgery may be shown",
  ),
  recordSeed(
    "p9-record-differs",
    "P9",
    7,
    { givenName: "Dara", familyName: "SIMBEFORE", birthdate: "1979-07-07" },
    { pds: "differs" },
    "P9 whose NHS record has another surname and mobile number than NHS login",
  ),
  recordSeed(
    "p9-superseded",
    "P9",
    8,
    { givenName: "Owen", familyName: "SIMOLDNUMBER", birthdate: "1966-08-08" },
    { pds: "superseded" },
    "P9 whose NHS number was superseded: the record comes back under another number",
  ),
  recordSeed(
    "p9-not-in-pds",
    "P9",
    9,
    { givenName: "Nell", familyName: "SIMNORECORD", birthdate: "1999-09-09" },
    { pds: "not-found" },
    "P9 the Personal Demographics Service has no record of",
  ),
  recordSeed(
    "p9-invalidated",
    "P9",
    10,
    { givenName: "Ines", familyName: "SIMVOID", birthdate: "1955-10-10" },
    { pds: "invalidated" },
    "P9 whose NHS record was invalidated",
  ),
  recordSeed(
    "p5-closed-surgery",
    "P5",
    11,
    { givenName: "Cleo", familyName: "SIMCLOSED", birthdate: "1982-11-11" },
    { surgery: "closed" },
    "P5 registered with a GP surgery that has closed",
  ),
  recordSeed(
    "p5-unknown-surgery",
    "P5",
    12,
    { givenName: "Uri", familyName: "SIMUNLISTED", birthdate: "1993-12-12" },
    { surgery: "unknown" },
    "P5 whose GP surgery code the Organisation Data Service does not know",
  ),
  {
    ...recordSeed(
      "p9-restricted-at-p5",
      "P9",
      13,
      { givenName: "Resa", familyName: "SIMSHIELDED", birthdate: "1991-01-13" },
      { pds: "restricted" },
      "P9 with a restricted NHS record, whose log-ins prove only P5 until they confirm it's them",
    ),
    logsInAt: "P5",
  },
];

export type PersonaInput = Omit<Persona, "sub" | "clientMetadata" | "password"> & {
  sub?: string;
  password?: string;
};

function fromInput(input: PersonaInput): Persona {
  return {
    ...input,
    sub: input.sub ?? stableSub(input.id),
    password: input.password ?? PASSWORD,
    clientMetadata: new Map(),
  };
}

/** What an identity check changes about a person, and a log-in puts back as it was defined. */
type Identity = Pick<Persona, "level" | "logsInAt" | "demographics">;

function identityOf(person: Identity): Identity {
  return {
    level: person.level,
    ...(person.logsInAt ? { logsInAt: person.logsInAt } : {}),
    ...(person.demographics ? { demographics: { ...person.demographics } } : {}),
  };
}

/**
 * Every person the simulator knows; all in memory, so a restart restores the built-in ones. Each
 * is kept as defined (built in, from a personas file, copied or registered) beside what has
 * happened to them since: an identity check raises a person's level until their next log-in,
 * which starts from the person as defined again.
 */
export class PersonaStore {
  readonly #byId = new Map<string, Persona>();
  readonly #bySub = new Map<string, Persona>();
  readonly #definitions = new Map<string, Readonly<PersonaInput>>();
  #serial = 100;

  constructor() {
    BUILT_IN_SEEDS.forEach((seed, index) =>
      this.add({
        ...seed,
        email: `${seed.id}@${EMAIL_DOMAIN}`,
        phoneNumber: syntheticMobile(index),
      }),
    );
  }

  add(input: PersonaInput): Persona {
    if (this.#byId.has(input.id)) throw new Error(`persona ${input.id} already exists`);
    if (this.findByEmail(input.email)) {
      throw new Error(`a persona with email ${input.email} already exists`);
    }
    const persona = fromInput({ ...input, ...identityOf(input) });
    this.#definitions.set(persona.id, { ...input, ...identityOf(input) });
    this.#byId.set(persona.id, persona);
    this.#bySub.set(persona.sub, persona);
    return persona;
  }

  /** A log-in starts from the person as defined: an identity check since then is forgotten. */
  restore(persona: Persona): void {
    const definition = this.#definitions.get(persona.id);
    if (!definition) return;
    delete persona.logsInAt;
    delete persona.demographics;
    Object.assign(persona, identityOf(definition));
  }

  all(): Persona[] {
    return [...this.#byId.values()];
  }

  get(id: string): Persona | undefined {
    return this.#byId.get(id);
  }

  getBySub(sub: string): Persona | undefined {
    return this.#bySub.get(sub);
  }

  findByEmail(email: string): Persona | undefined {
    const wanted = email.trim().toLowerCase();
    return this.all().find((persona) => persona.email.toLowerCase() === wanted);
  }

  #nextSerial(): number {
    this.#serial += 1;
    return this.#serial;
  }

  #freshDemographics(serial: number): Demographics {
    const nhsNumber = syntheticNhsNumber(serial);
    if (!isValidNhsNumber(nhsNumber)) throw new Error("invalid synthetic NHS number");
    return {
      nhsNumber,
      birthdate: `19${String(50 + (serial % 50)).padStart(2, "0")}-0${1 + (serial % 9)}-1${serial % 10}`,
      givenName: "Sam",
      familyName: `SIMPERSON${serial}`,
      // Each person their own surgery code, so a test's API fault for it touches no one else.
      gpOdsCode: `Y9${String(serial % 10000).padStart(4, "0")}`,
    };
  }

  /**
   * A new person copied from a template persona, with their own id, sub, email, phone and NHS
   * number, so parallel tests never share a person.
   */
  createFromTemplate(templateId: string, id?: string): Persona {
    const template = this.#definitions.get(templateId);
    if (!template) throw new Error(`unknown template persona: ${templateId}`);
    const serial = this.#nextSerial();
    const newId = id ?? `${template.id}-${randomUUID().slice(0, 8)}`;
    const copyDemographics = (source: Demographics | undefined) =>
      source && this.#freshDemographics(serial);
    const demographics = copyDemographics(template.demographics);
    const templateCredentials = template.gpIntegrationCredentials;
    const credentials = templateCredentials && {
      ...templateCredentials,
      gp_user_id: `sim-im1-user-${serial}`,
      ...(templateCredentials.gp_linkage_key === ""
        ? {}
        : { gp_linkage_key: `SIMLINKKEY${serial}` }),
      // Credentials for the person's own surgery follow them to their new one.
      ...(templateCredentials.gp_ods_code === template.demographics?.gpOdsCode && demographics
        ? { gp_ods_code: demographics.gpOdsCode! }
        : {}),
    };
    return this.add({
      id: newId,
      sub: randomUUID(),
      description: `${template.description} (copy of ${template.id})`,
      email: `${newId}@${EMAIL_DOMAIN}`,
      phoneNumber: syntheticMobile(serial),
      ...(template.landlineNumber ? { landlineNumber: template.landlineNumber } : {}),
      level: template.level,
      ...(template.logsInAt ? { logsInAt: template.logsInAt } : {}),
      canUplift: template.canUplift,
      ...(demographics ? { demographics } : {}),
      ...(template.upliftDemographics
        ? { upliftDemographics: copyDemographics(template.upliftDemographics) }
        : {}),
      ...(credentials ? { gpIntegrationCredentials: credentials } : {}),
      ...(template.nhsRecord ? { nhsRecord: { ...template.nhsRecord } } : {}),
    });
  }

  /** A person who has just created an NHS login: P0, able to prove who they are later. */
  register(email: string, phoneNumber: string): Persona {
    const serial = this.#nextSerial();
    return this.add({
      id: `registered-${serial}`,
      sub: randomUUID(),
      description: "P0: registered in this simulator session",
      email: email.trim(),
      phoneNumber,
      level: "P0",
      canUplift: true,
    });
  }

  /**
   * A successful identity check: the person's log-ins prove `level` until they log in again, and
   * the details the check finds are filled in. A person verified that high before only confirms
   * it's them.
   */
  uplift(persona: Persona, level: Level): void {
    if (!persona.demographics) {
      persona.demographics = {
        ...(persona.upliftDemographics ?? this.#freshDemographics(this.#nextSerial())),
      };
    }
    if (meetsLevel(persona.level, level)) {
      if (level === persona.level) delete persona.logsInAt;
      else persona.logsInAt = level;
    } else {
      persona.level = level;
      delete persona.logsInAt;
    }
  }
}

/** The level a log-in as this person proves now. */
export function loginLevel(persona: Persona): Level {
  return persona.logsInAt ?? persona.level;
}

/** What the control API returns about a persona (no internal maps). */
export function describePersona(persona: Persona) {
  return {
    id: persona.id,
    sub: persona.sub,
    description: persona.description,
    email: persona.email,
    password: persona.password,
    phoneNumber: persona.phoneNumber,
    ...(persona.landlineNumber ? { landlineNumber: persona.landlineNumber } : {}),
    level: persona.level,
    ...(persona.logsInAt ? { logsInAt: persona.logsInAt } : {}),
    canUplift: persona.canUplift,
    ...(persona.demographics ? { demographics: persona.demographics } : {}),
    ...(persona.gpIntegrationCredentials
      ? { gpIntegrationCredentials: persona.gpIntegrationCredentials }
      : {}),
    ...(persona.nhsRecord ? { nhsRecord: persona.nhsRecord } : {}),
  };
}

export type PersonaDescription = ReturnType<typeof describePersona>;
