import { resetEnvCache } from '../lib/env';
import { startSmtpRecorder, type SmtpRecorder } from './second-address';
import { startVippsStandIn, type VippsStandIn } from './vipps-stand-in';

/**
 * A local SMTP server and the local stand-in for Vipps's ePayment API, with the app's
 * environment pointed at both (SMTP_URL, VIPPS_*) for tests that run the course portal's
 * server code in their own process; `stop` takes the environment back and closes both.
 */
export type CourseServices = { smtp: SmtpRecorder; vipps: VippsStandIn; stop: () => Promise<void> };

export async function startCourseServices(): Promise<CourseServices> {
  const smtp = await startSmtpRecorder();
  const vipps = await startVippsStandIn();
  const env = { SMTP_URL: smtp.url, ...vipps.env };
  Object.assign(process.env, env);
  resetEnvCache();
  return {
    smtp,
    vipps,
    stop: async () => {
      for (const key of Object.keys(env)) delete process.env[key];
      resetEnvCache();
      await vipps.close();
      await smtp.close();
    },
  };
}
