/**
 * The 14 places where the product once said something Microsoft's documentation does not (issue 11), each pinned
 * by verdict and, where there is text, by its English and Chinese wording. docs/m365-dns-facts.md gives the
 * source of each. A row here fails on the old behaviour.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseMsoid } from '@/lib/findings/msoid/msoid';
import { detectDnsHost } from '@/lib/fixes/hosts/detect';
import { msoidCname, ownTxt, snapshot } from '@/lib/lookups/test-fixtures';
import { catalogueFor } from '@/lib/messages';
import { renderMsoid as renderFinding, renderRecord as renderRecordFinding } from '@/lib/report/render';
import type { RecordFinding, RecordId } from '@/lib/schema';
import { CATALOGUES, REFERENCES } from './catalogue';
import {
  answer,
  at,
  autodiscoverChain,
  cname,
  dkimPair,
  failedAt,
  healthy,
  KEYS,
  type Lookups,
  type Run,
  report,
  run,
} from './records/test-fixtures';

const EN = catalogueFor('en');
const ZH = catalogueFor('zh-CN');

function row(r: Run, id: RecordId): RecordFinding {
  const found = run(r).records.find((f) => f.id === id);
  if (!found) throw new Error(id);
  return found;
}
/** Every text of a row (verdict, impact, action, notes) in one string per language. */
function texts(f: RecordFinding): { en: string; zh: string } {
  const all = (c: typeof EN) => {
    const t = renderRecordFinding(f, c).text;
    return [t.verdict, t.impact, t.action, ...t.notes].join(' ');
  };
  return { en: all(EN), zh: all(ZH) };
}
const ww = (over: Lookups = {}): Lookups => ({ ...healthy('worldwide'), ...over });

describe('verdicts backed by Microsoft documentation', () => {
  it('1. 21Vianet enterpriseenrollment-s.manage.microsoftonline.cn is documented: no "third-party" note, judged like other clouds', () => {
    const ok = row({ cloud: '21vianet', lookups: healthy('21vianet') }, 'enterpriseenrollment');
    expect([ok.status, ok.severity, ok.messages.notes]).toEqual(['ok', 'ok', []]);
    const wrong = row(
      {
        cloud: '21vianet',
        lookups: {
          ...healthy('21vianet'),
          [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', 'mdm.other.test'),
        },
      },
      'enterpriseenrollment',
    );
    expect([wrong.status, wrong.severity]).toEqual(['wrong-value', 'warning']);
    const t = texts(wrong);
    expect(t.en).not.toMatch(/third-party/i);
    expect(t.zh).not.toContain('第三方');
  });

  it("2. a subdomain covered by its organisational domain's DMARC record is ok, with both lookups", () => {
    const f = row(
      {
        cloud: 'worldwide',
        domain: 'sales.contoso.test',
        registrable: 'contoso.test',
        lookups: ww({
          [KEYS.dmarc]: failedAt('_dmarc.sales', 'TXT', 'nxdomain'),
          [KEYS.dmarcOrg]: answer('_dmarc.contoso.test', 'TXT', 'v=DMARC1; p=reject'),
        }),
      },
      'dmarc',
    );
    expect([f.status, f.severity]).toEqual(['ok', 'ok']);
    expect(f.lookups).toEqual(['_dmarc.sales.contoso.test TXT', '_dmarc.contoso.test TXT']);
    const t = texts(f);
    expect(t.en).toContain('the record at _dmarc.contoso.test covers it');
    expect(t.zh).toContain('_dmarc.contoso.test上的记录覆盖了它');
  });

  it('3. an _autodiscover._tcp SRV record is at most a note', () => {
    const srv = answer(at('_autodiscover._tcp'), 'SRV', '0 0 443 mail.contoso.test');
    const beside = row({ cloud: 'worldwide', lookups: ww({ [KEYS.autodiscoverSrv]: srv }) }, 'autodiscover-srv');
    expect([beside.status, beside.severity, beside.outcome, beside.fixes]).toEqual(['ok', 'notice', 'ok', []]);
    const fallback = row(
      {
        cloud: 'worldwide',
        lookups: ww({
          ...autodiscoverChain(),
          [KEYS.autodiscover]: failedAt('autodiscover', 'CNAME', 'nxdomain'),
          [KEYS.autodiscoverSrv]: srv,
        }),
      },
      'autodiscover-srv',
    );
    expect([fallback.status, fallback.outcome]).toEqual(['ok', 'ok']);
    const t = texts(fallback);
    expect(t.en).toContain('Outlook may follow it to mail.contoso.test');
    expect(t.zh).toContain('Outlook 可能会按照它找到mail.contoso.test');
    expect(texts(beside).en).not.toMatch(/must not exist|delete/i);
  });

  it('4. the older enrollment targets are a notice naming the prompt, in every cloud, never "unsupported" or a typo', () => {
    for (const [cloud, target] of [
      ['worldwide', 'enterpriseenrollment.manage.microsoft.com'],
      ['worldwide', 'manage.microsoft.com'],
      ['21vianet', 'enterpriseenrollment.manage.microsoftonline.cn'],
      ['gcchigh', 'enterpriseenrollment.manage.microsoft.us'],
      ['dod', 'enterpriseenrollment.manage.microsoft.us'],
    ] as const) {
      const family = cloud === 'worldwide' ? 'worldwide' : cloud;
      const f = row(
        {
          cloud,
          lookups: { ...healthy(family), [KEYS.enterpriseenrollment]: cname('enterpriseenrollment', target) },
        },
        'enterpriseenrollment',
      );
      expect([cloud, f.status, f.severity, f.typo]).toEqual([cloud, 'deprecated', 'notice', undefined]);
      const t = texts(f);
      expect(t.en).toContain('confirm an extra prompt');
      expect(t.en).not.toMatch(/no longer supports|typo|unsupported/i);
      expect(t.zh).toContain('额外的提示');
      expect(t.zh).not.toMatch(/不再支持|输入错误/);
    }
  });

  it('5. without the enrollment CNAME only users who enroll Windows devices by hand are affected', () => {
    const f = row(
      {
        cloud: 'worldwide',
        lookups: ww({ [KEYS.enterpriseenrollment]: failedAt('enterpriseenrollment', 'CNAME', 'nxdomain') }),
      },
      'enterpriseenrollment',
    );
    expect([f.status, f.severity, f.requirement]).toEqual(['optional-absent', 'ok', 'optional']);
    const t = texts(f);
    expect(t.en).toContain('Only users who enroll Windows devices by hand are affected');
    expect(t.en).toContain('automatic MDM enrollment');
    expect(t.zh).toContain('只影响手动注册 Windows 设备的用户');
  });

  it('6. the two DKIM selectors may use different forms; one selector may not mix them', () => {
    const mixedPair = run({ cloud: 'worldwide', lookups: ww(dkimPair('worldwide', 'new')) });
    expect(mixedPair.records.filter((r) => r.id.startsWith('dkim')).map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(mixedPair.summary.health).toBe('healthy');
  });

  it("7. GCC High and DoD get their cloud's DNS page; the host page comes second, flagged as commercial", () => {
    for (const cloud of ['gcchigh', 'dod'] as const) {
      const m = detectDnsHost(['ns29.domaincontrol.com'], cloud);
      expect([m.instructionsKind, m.instructionsUrl]).toEqual(['cloud', REFERENCES[cloud]]);
      expect(m.hostHelp?.url).toContain('create-dns-records-at-godaddy');
    }
    expect(EN.hosts).toBeDefined();
    const note = { en: 'Its example values are for commercial Microsoft 365', zh: '示例值适用于商业版 Microsoft 365' };
    expect(JSON.stringify(EN)).toContain(note.en);
    expect(JSON.stringify(ZH)).toContain(note.zh);
  });

  it('8. autodiscover is asked for at one level in every cloud: required when mail is on (missing is critical everywhere)', () => {
    const levels = Object.values(CATALOGUES).map((c) => c.records.autodiscover.requirement);
    expect(new Set(levels.map((l) => JSON.stringify(l))).size).toBe(1);
    for (const cloud of ['worldwide', '21vianet', 'gcchigh', 'dod'] as const) {
      const f = row(
        {
          cloud,
          lookups: {
            ...healthy(cloud),
            ...autodiscoverChain(),
            [KEYS.autodiscover]: failedAt('autodiscover', 'CNAME', 'nxdomain'),
          },
        },
        'autodiscover',
      );
      expect([cloud, f.status, f.severity]).toEqual([cloud, 'missing', 'critical']);
      // Critical, but said as Microsoft says it: clients may not find the settings (never "users must set it up by hand").
      const t = texts(f);
      expect(t.en).toContain('may not find the mailbox settings on their own');
      expect(t.en).not.toContain('by hand');
      expect(t.zh).toContain('可能无法自动找到邮箱设置');
      expect(t.zh).not.toContain('必须手动');
    }
    expect(CATALOGUES.worldwide.records.autodiscover.requirement).toEqual({ on: 'required', off: 'optional' });
  });

  it('9. GCC High/DoD Skype for Business values cite the 2020 page versions they come from; federation cites the current page', () => {
    for (const family of ['gcchigh', 'dod'] as const) {
      const r = CATALOGUES[family].records;
      for (const id of ['sip', 'lyncdiscover', 'sip-tls'] as const) {
        expect(r[id].reference).toBe(REFERENCES[`sfb-${family}`]);
        expect(r[id].reference).toMatch(
          /^https:\/\/github\.com\/MicrosoftDocs\/microsoft-365-docs\/blob\/[0-9a-f]{40}\//,
        );
        expect(r[id].requirement).toEqual({ on: 'optional', off: 'optional' });
      }
      expect(r.sipfederation.reference).toBe(REFERENCES[family]);
    }
  });

  it('10. worldwide and 21Vianet Skype for Business records no longer cite the pages that dropped them', () => {
    for (const id of ['sip', 'lyncdiscover', 'sip-tls'] as const) {
      expect(CATALOGUES.worldwide.records[id].reference).toBe(REFERENCES['sfb-worldwide']);
      expect(CATALOGUES.worldwide.records[id].reference).not.toBe(REFERENCES.worldwide);
      expect(CATALOGUES['21vianet'].records[id].reference).toBe(REFERENCES['sfb-21vianet']);
      expect(CATALOGUES['21vianet'].records[id].reference).not.toBe(REFERENCES['21vianet']);
    }
  });

  it('11. GCC High/DoD: an msoid CNAME is critical; other data at msoid is a warning that says what is known', () => {
    for (const cloud of ['gcchigh', 'dod'] as const) {
      const cnameF = diagnoseMsoid(snapshot({ msoid: msoidCname(['login.hoster.test']) }), report(cloud));
      expect(cnameF.severity).toBe('critical');
      const own = renderFinding(diagnoseMsoid(snapshot({ msoid: ownTxt('hello') }), report(cloud)), EN);
      expect(own.severity).toBe('warning');
      expect(own.text.impact).toContain('warn only about an msoid CNAME');
      const ownZh = renderFinding(diagnoseMsoid(snapshot({ msoid: ownTxt('hello') }), report(cloud)), ZH);
      expect(ownZh.text.impact).toContain('只对 msoid CNAME 记录提出警告');
    }
  });

  it('12. outside 21Vianet: the 21Vianet target breaks activation; the old worldwide target is obsolete (a warning)', () => {
    const v21 = renderFinding(
      diagnoseMsoid(
        snapshot({ msoid: msoidCname(['clientconfig.partner.microsoftonline-p.net.cn']) }),
        report('worldwide'),
      ),
      EN,
    );
    expect(v21.severity).toBe('critical');
    expect(v21.text.impact).toContain("isn't in our system");
    const v21Zh = renderFinding(
      diagnoseMsoid(
        snapshot({ msoid: msoidCname(['clientconfig.partner.microsoftonline-p.net.cn']) }),
        report('worldwide'),
      ),
      ZH,
    );
    expect(v21Zh.text.impact).toContain('不在我们的系统中');
    const legacy = (c: typeof EN) =>
      renderFinding(
        diagnoseMsoid(snapshot({ msoid: msoidCname(['clientconfig.microsoftonline-p.net']) }), report('worldwide')),
        c,
      );
    expect(legacy(EN).severity).toBe('warning');
    expect(legacy(EN).text.impact).toContain('old worldwide msoid record');
    expect(legacy(EN).text.impact).not.toMatch(/activation/i);
    expect(legacy(ZH).text.impact).toContain('旧的全球版 msoid 记录');
    expect(legacy(ZH).text.impact).not.toContain('激活');
  });

  it("13. an MX at *.mail.eo.outlook.com is Microsoft's legacy MX, to be changed to the current one", () => {
    const f = row(
      {
        cloud: 'worldwide',
        lookups: ww({ [KEYS.mx]: answer('contoso.test', 'MX', '0 contoso-test.mail.eo.outlook.com') }),
      },
      'mx',
    );
    expect([f.status, f.severity]).toEqual(['deprecated', 'warning']);
    const t = texts(f);
    expect(t.en).toContain('an older Microsoft 365 mail address that Microsoft lists as legacy');
    expect(t.en).toContain('to your current MX');
    expect(t.en).not.toContain('somewhere other than Microsoft 365');
    expect(t.zh).toContain('Microsoft 列为旧版的 Microsoft 365 邮件地址');
  });

  it('14. hosts in China link their console help (Chinese on Chinese pages), never an API reference', () => {
    for (const ns of ['dns9.hichina.com', 'f1g1ns1.dnspod.net', 'ns1.huaweicloud-dns.com']) {
      for (const lang of ['en', 'zh-CN']) {
        const url = detectDnsHost([ns], 'worldwide', lang).instructionsUrl;
        expect(url).not.toMatch(/\/api\/|api-reference|AddDomainRecord|\/document\/api\//i);
      }
      expect(detectDnsHost([ns], 'worldwide', 'zh-CN').instructionsUrl).not.toBe(
        detectDnsHost([ns], 'worldwide', 'en').instructionsUrl,
      );
    }
  });
});

/** Disagreements found by the outside audit of issue 11, after the 14 rows (docs/m365-dns-facts.md gives each source). */
describe('further verdicts and texts backed by Microsoft documentation', () => {
  it("SPF over the lookup limit: the fix never has Microsoft 365's include replaced by addresses", () => {
    const f = row(
      {
        cloud: 'worldwide',
        lookups: ww({
          [KEYS.txt]: answer(
            'contoso.test',
            'TXT',
            'v=spf1 include:spf.protection.outlook.com a mx ptr exists:e.test a:1.test a:2.test a:3.test a:4.test mx:5.test include:t.test -all',
          ),
        }),
      },
      'spf',
    );
    expect([f.status, f.severity]).toEqual(['wrong-value', 'critical']);
    const t = texts(f);
    expect(t.en).toContain("never replace Microsoft 365's include with addresses");
    expect(t.zh).toContain('不要把 Microsoft 365 的 include 替换为 IP 地址');
  });

  it('a CNAME that reaches the value through a chain is ok; the Chinese note says what the English says (Microsoft documents a direct CNAME, it does not require one)', () => {
    const f = row(
      {
        cloud: 'worldwide',
        lookups: ww(autodiscoverChain('mail-alias.contoso.test', 'autodiscover.outlook.com')),
      },
      'autodiscover',
    );
    expect([f.status, f.severity]).toEqual(['ok', 'ok']);
    const t = texts(f);
    expect(t.en).toContain('Microsoft documents a direct CNAME to autodiscover.outlook.com');
    expect(t.zh).toContain('Microsoft 文档给出的是直接指向autodiscover.outlook.com的 CNAME');
    expect(t.zh).not.toContain('文档要求');
    // The msoid row's note says the same in both languages.
    const msoid = (c: typeof EN) =>
      renderFinding(
        diagnoseMsoid(
          snapshot({
            msoid: msoidCname(['msoid-alias.contoso.test', 'clientconfig.partner.microsoftonline-p.net.cn']),
          }),
          report('21vianet'),
        ),
        c,
      ).text.notes.join(' ');
    expect(msoid(EN)).toContain('Microsoft documents a direct CNAME');
    expect(msoid(ZH)).toContain('Microsoft 文档给出的是直接指向');
    expect(msoid(ZH)).not.toContain('文档要求');
  });

  it('enterpriseregistration is about every device that registers (Windows, iOS/iPadOS, Android), not Windows only', () => {
    const missing = row(
      {
        cloud: 'worldwide',
        lookups: ww({ [KEYS.enterpriseregistration]: failedAt('enterpriseregistration', 'CNAME', 'nxdomain') }),
      },
      'enterpriseregistration',
    );
    const wrong = row(
      {
        cloud: 'worldwide',
        lookups: ww({ [KEYS.enterpriseregistration]: cname('enterpriseregistration', 'reg.other.test') }),
      },
      'enterpriseregistration',
    );
    expect([missing.status, wrong.status]).toEqual(['missing', 'wrong-value']);
    const ok = row({ cloud: 'worldwide', lookups: ww() }, 'enterpriseregistration');
    for (const f of [ok, missing, wrong]) {
      const t = texts(f);
      expect(t.en, f.status).toContain('Windows, iOS/iPadOS and Android');
      expect(t.zh, f.status).toContain('Windows、iOS/iPadOS 和 Android');
    }
  });
});
