import { describe, expect, it } from '@jest/globals';
import { checkOutboundUrl, isPublicAddress, OutboundRefusedError } from './guarded-http.js';

const strict = { allowHttp: false, allowPrivateAddresses: false };

describe('outbound addresses', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '100.127.255.254',
    '198.18.0.1',
    '240.0.0.1',
    'fec0::1',
    '224.0.0.1',
  ])('refuses %s, which is not public', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['8.8.8.8', '193.10.1.1', '2a00:1450:4001::200e', '::ffff:8.8.8.8'])(
    'accepts the public address %s',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );

  it('accepts an https URL with a public name', () => {
    expect(checkOutboundUrl('https://data.example.se/pilot.json', strict).hostname).toBe('data.example.se');
  });

  it.each([
    ['http://data.example.se/x', 'only https'],
    ['https://[::ffff:169.254.169.254]/latest/meta-data', 'not a public address'],
    ['https://100.64.0.1/x', 'not a public address'],
    ['https://127.0.0.1/x', 'not a public address'],
    ['https://[::1]/x', 'not a public address'],
    ['https://localhost:8443/x', 'not a public address'],
    ['https://user:secret@data.example.se/x', 'credentials'],
    ['file:///etc/passwd', 'only https'],
    ['not a url', 'not a URL'],
  ])('refuses %s', (url, why) => {
    expect(() => checkOutboundUrl(url, strict)).toThrow(OutboundRefusedError);
    expect(() => checkOutboundUrl(url, strict)).toThrow(why);
  });

  it('lets an operator allow loopback over plain http', () => {
    expect(checkOutboundUrl('http://127.0.0.1:9000/x', { allowHttp: true, allowPrivateAddresses: true }).port).toBe(
      '9000',
    );
  });
});
