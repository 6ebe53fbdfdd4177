/** A person or team as package metadata names it: `Name <email>`, or either part alone. */
export interface Contact {
  name?: string;
  email?: string;
}

// RFC 5322 mailbox as package managers write it: "Display Name <addr@host>".
const MAILBOX = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/;
const BARE_EMAIL = /^\s*([^<>\s@]+@[^<>\s@]+)\s*$/;

/** Splits a maintainer or author field into name and email; undefined when it is blank. */
export function parseContact(value: string | undefined): Contact | undefined {
  if (!value?.trim()) return undefined;
  const mailbox = MAILBOX.exec(value);
  if (mailbox) return { name: mailbox[1] || undefined, email: mailbox[2] };
  const bare = BARE_EMAIL.exec(value);
  if (bare) return { email: bare[1] };
  return { name: value.trim() };
}
