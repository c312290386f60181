// Test keys for DKIM, and verification against them as a receiving server would do it, with the DNS record served from memory.
import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth';

export interface TestDkimKey {
  domain: string;
  selector: string;
  /** PKCS#8 PEM, as DKIM_PRIVATE_KEY holds it */
  privateKey: string;
  /** The TXT record that would be published at <selector>._domainkey.<domain> */
  record: string;
}

export function testDkimKey(domain = 'dispatch.example.org', selector = 'digest2025'): TestDkimKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    domain,
    selector,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    record: `v=DKIM1; k=rsa; p=${der.toString('base64')}`,
  };
}

export interface DkimOutcome {
  /** pass, fail, neutral, none… for each signature in the message */
  results: Array<{ status: string; domain: string; selector: string }>;
}

/** Verifies every DKIM signature of a message; only `key`'s record exists in this DNS. */
export async function verifyDkim(message: Buffer | string, key: TestDkimKey): Promise<DkimOutcome> {
  const name = `${key.selector}._domainkey.${key.domain}`;
  const resolver = (host: string, type: string): Promise<string[][]> => {
    if (type === 'TXT' && host.toLowerCase() === name) return Promise.resolve([[key.record]]);
    return Promise.reject(Object.assign(new Error(`no ${type} record for ${host}`), { code: 'ENOTFOUND' }));
  };
  const verified = await dkimVerify(typeof message === 'string' ? Buffer.from(message) : message, { resolver });
  return {
    results: verified.results.map((result) => ({
      status: result.status.result,
      domain: result.signingDomain ?? '',
      selector: result.selector ?? '',
    })),
  };
}
