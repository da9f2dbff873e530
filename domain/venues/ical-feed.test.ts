import { describe, expect, it } from 'vitest';
import { webcalAddress } from './ical-feed';

describe('webcalAddress', () => {
  it('gives an http feed the webcal:// scheme and keeps host, port, path and key', () => {
    expect(webcalAddress('http://192.168.1.20:8787/ical/venue/v-mr.ics?key=Ab_c-12')).toBe('webcal://192.168.1.20:8787/ical/venue/v-mr.ics?key=Ab_c-12');
  });

  it('gives an https feed webcals://, so the client still asks over TLS', () => {
    expect(webcalAddress('https://sync.ga.example.gov.tw/ical/agency/ag-cab.ics?key=k')).toBe('webcals://sync.ga.example.gov.tw/ical/agency/ag-cab.ics?key=k');
    expect(webcalAddress('HTTPS://Sync.Example/ical/venue/a.ics')).toBe('webcals://Sync.Example/ical/venue/a.ics');
  });

  it('refuses what is not an http(s) address', () => {
    expect(webcalAddress('')).toBeNull();
    expect(webcalAddress('ftp://host/a.ics')).toBeNull();
    expect(webcalAddress('webcal://host/a.ics')).toBeNull();
    expect(webcalAddress('/ical/venue/a.ics')).toBeNull();
    expect(webcalAddress('http:///nohost')).toBeNull();
  });
});
