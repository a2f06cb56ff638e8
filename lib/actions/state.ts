// What every server action answers for useActionState (issue #13): a sentence for the live region and
// the fields' own messages. Pure, so client components can type their actions without server code.
export type ActionState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
};

/** A server action as a form (or a component) receives it: bound by useActionState. `S` is its answer's own shape
 * when it carries more than ActionState (a one-time secret, a link). */
export type FormAction<S extends ActionState = ActionState> = (prev: S | undefined, form: FormData) => Promise<S>;
