// What every route handler is given: LinkedIn's state and its push sender.
import type { Pusher } from "./push";
import type { SandboxState } from "./state";

export interface Runtime {
  state: SandboxState;
  pusher: Pusher;
}
