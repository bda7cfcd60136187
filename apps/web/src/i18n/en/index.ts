import booking from './booking.json';
import catalogue from './catalogue.json';
import common from './common.json';
import ideas from './ideas.json';
import identity from './identity.json';
import invitations from './invitations.json';
import library from './library.json';
import manage from './manage.json';
import organization from './organization.json';
import pilots from './pilots.json';
import platform from './platform.json';
import problems from './problems.json';
import reports from './reports.json';
import statement from './statement.json';

/** Every namespace in English: one chunk, loaded when the page first speaks the language. */
export default {
  common,
  catalogue,
  booking,
  identity,
  manage,
  pilots,
  problems,
  statement,
  organization,
  platform,
  invitations,
  reports,
  library,
  ideas,
};
