// A second process for the outbox kill test: starts a real core on a data folder, connects the account
// to the test SMTP server, queues one note and sends it. The test kills it (SIGKILL) once the server
// holds the whole message but before the child hears the server's answer, the moment between sending
// and recording.
// Usage: node outbox-child.cjs <dataDir> <migrationsFolder> <smtpPort> <user> <password>
import { startCore } from '../core';

const [dataDir, migrationsFolder, port, user, password] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(line + '\n');

async function main() {
  const core = await startCore({ dataDir, migrationsFolder, version: 'fault', dispatch: { log: () => {} } });
  const call = async (method: string, input: unknown) => {
    const env = await core.call(method, input);
    if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
    return env.data as Record<string, unknown>;
  };
  await call('mail.saveAccount', {
    address: user,
    displayName: 'Jordan',
    smtpHost: '127.0.0.1',
    smtpPort: Number(port),
    smtpSecurity: 'none',
    imapHost: '127.0.0.1',
    imapPort: 1,
    imapSecurity: 'none',
    saveSentCopy: false,
    password,
  });
  const contact = await call('contacts.create', { name: 'Dana', emails: [{ address: 'dana@northwind.example' }] });
  const note = await call('notes.create', { kind: 'thank_you', contactId: contact.id, delivery: 'email' });
  const entry = await call('outbox.queue', { noteId: note.id });
  say(`QUEUED ${String(note.id)} ${String(entry.messageId)}`);
  await call('outbox.runNow', {});
  // Reached only if the kill came too late.
  say('RECORDED');
  core.close();
}

main().catch((err) => {
  say(`ERROR ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
