import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { LIMITS } from '../../common/limits.js';
import { AppError } from './errors.js';

// argon2id (the library's default algorithm; a test checks the $argon2id$ prefix) at OWASP's minimum
// cost (19 MiB, 2 passes), which keeps a login fast on a 2-core machine.
const ARGON_OPTS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, ARGON_OPTS);

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** A hash of a random string, verified against when the username is unknown, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

// Passwords of ten or more characters that appear at the top of leaked-password lists (global and Chinese).
const COMMON = `1234567890 0123456789 12345678910 1234567891 0987654321 9876543210 1111111111 0000000000 2222222222
8888888888 6666666666 5555555555 9999999999 1212121212 1231231234 123123123123 1234512345 1234567899 1122334455
1357924680 1472583690 147258369a 123456789a a123456789 a1234567890 aa123456789 aa12345678 abc1234567 abc123456789
abcd123456 abcd1234567 abcdefghij abcdefg123 qwertyuiop qwerty1234 qwerty12345 qwerty123456 qwertyuiop123 1q2w3e4r5t
1q2w3e4r5t6y 1qaz2wsx3edc 1qaz2wsx3e 1qazxsw23edc q1w2e3r4t5 q1w2e3r4t5y6 qazwsxedcrfv qazwsxedc123 zaq12wsxcde3
zxcvbnm123 zxcvbnm1234 asdfghjkl1 asdfghjkl123 asdf123456 asdfgh123456 password12 password123 password1234
password12345 password!23 passw0rd123 p@ssw0rd123 p@ssword123 password1! password01 1password1 iloveyou12
iloveyou123 iloveyou1314 woaini1314 woaini520 woaini5201314 5201314520 5201314521 1314520521 1314521520 woaini123456
admin12345 admin123456 admin1234567 administrator administrator1 adminadmin root123456 rootroot123 welcome123
welcome1234 letmein123 football123 baseball123 princess123 sunshine123 computer123 superman123 michael123
changeme123 trustno1trustno1 monkey123456 dragon123456 master123456 shadow123456 qq123456789 qq1234567890
abc123abc123 aaaaaaaaaa aaaaaa1111 a1b2c3d4e5 a1b2c3d4e5f6 zhang123456 wang123456 li123456789 liu123456789
chen123456789 kechuang123 kechuang1234 xiushan123 xiushan123456 chongqing123 chongqing1234 china123456
china1234567 beijing123456 huawei123456 sb123456789 test123456 test1234567 testtest123 user123456 guest123456
1234abcd1234 1234qwer1234 123qweasdzxc 123qweasd123 qweasdzxc123 qweasdzxc1 112233445566 123456123456
654321654321 789456123a 7894561230 159753456852 147852369a 3.1415926535 31415926535`
  .split(/\s+/)
  .filter(Boolean);
const COMMON_SET = new Set(COMMON.map((p) => p.toLowerCase()));

/** Throws a 400 naming the field when the password is too short, too common or contains the username. */
export function assertAcceptablePassword(password: string, username: string, field = 'password'): void {
  if (password.length < LIMITS.passwordMin) {
    throw new AppError(400, 'password_too_short', { min: LIMITS.passwordMin }, field);
  }
  const lower = password.toLowerCase();
  if (COMMON_SET.has(lower) || /^(.)\1+$/.test(lower)) throw new AppError(400, 'password_too_common', {}, field);
  if (username.length >= 3 && lower.includes(username.toLowerCase())) {
    throw new AppError(400, 'password_contains_username', {}, field);
  }
}

/** A random password that passes the rules: 16 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export const isCommonPassword = (p: string) => COMMON_SET.has(p.toLowerCase());
