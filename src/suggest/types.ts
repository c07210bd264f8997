/** The fix shown with a finding: which environment variable to read instead, and where the value lives. */
export interface Suggestion {
  envVar: string;
  /** How to read the variable in the file's language: process.env.STRIPE_SECRET_KEY. */
  replacement: string;
  language: string;
  /** Where the value should live instead, with a note on whether .gitignore covers it. */
  storeIn: string;
  storeInIgnored: boolean | undefined;
  /** A line to add to .gitignore when the suggested store is not ignored yet. */
  gitignoreLine?: string;
  /** Extra advice specific to the file type (Dockerfile build secrets, .env.example). */
  note?: string;
}
