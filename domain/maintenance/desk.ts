/** The maintenance desk (修繕維護): repair tickets, inspection rounds, projects and assets. */
import { defineDesk } from '../desk';
import { maintenanceReport } from './report-section';
import { assetMutationDefs } from './assets-mutations';
import { maintenanceCalls } from './calls';
import { inspectionMutationDefs } from './inspections-mutations';
import { MAINTENANCE_KINDS } from './kinds';
import { projectMutationDefs } from './projects-mutations';
import { ticketMutationDefs } from './tickets-mutations';

export const maintenanceDesk = defineDesk({
  id: 'maintenance',
  kinds: MAINTENANCE_KINDS,
  spans: [],
  mutations: [...ticketMutationDefs, ...inspectionMutationDefs, ...projectMutationDefs, ...assetMutationDefs],
  calls: maintenanceCalls,
  figures: ['tickets.figures', 'inspections.figures'],
  report: maintenanceReport,
});
