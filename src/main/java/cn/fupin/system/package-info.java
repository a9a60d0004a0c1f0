/**
 * Owns what every feature shares and no feature decides: problem documents and field errors, security and
 * rate limits, the clock, JSON, the redaction of personal data in text. Offers them to every package above;
 * depends on none of them.
 */
package cn.fupin.system;
