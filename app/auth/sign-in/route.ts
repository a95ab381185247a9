import { startSignIn } from "@/lib/sign-in/start";

export const GET = startSignIn;
