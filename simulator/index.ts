export { startSimulator, ProductionRefusedError } from "./server";
export type { LocalClientSettings, RunningSimulator, SimulatorOptions } from "./server";
export type { SimulatorClient } from "./clients";
export type { PersonaInput, Persona } from "./personas";
export { ensureLocalKey } from "./local-client";
export { SimulatorControl } from "./control";
export { FAULT_NAMES } from "./faults";
export type { FaultName } from "./faults";
