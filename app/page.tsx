import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { homePathFor } from "@/lib/auth/roles";

// "/" sends each role to its home: customer admins to their integrations, staff to the console.
export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? homePathFor(actor.role) : "/sign-in");
}
