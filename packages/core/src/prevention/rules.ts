/** The prevention rule the workflow's guards name (see `catalogue.ts`). */
import type { Rule } from '../workflow/rules.js';
import { measureOf } from './catalogue.js';

/** The measure a command names, if any: RecordPreventiveAction's `measure`, ArchiveComplaint's `preventiveMeasure`. */
export function measureNamed(command: Parameters<Rule['check']>[0]['command']): string | undefined {
  if (command.type === 'RecordPreventiveAction') return command.data.measure;
  return command.type === 'ArchiveComplaint' ? command.data.preventiveMeasure : undefined;
}

export const measureInCatalogue: Rule = {
  name: 'measureInCatalogue',
  check: ({ command, config }) => {
    const id = measureNamed(command);
    if (id === undefined) return null;
    if (command.type === 'ArchiveComplaint' && command.data.preventiveAction === undefined) {
      return `a preventive measure (${id}) is chosen with the preventive action it describes: give preventiveAction too`;
    }
    if (measureOf(config.prevention, id)) return null;
    return `no measure ${id} in prevention catalogue ${config.prevention.name} (it has ${config.prevention.measures.map((m) => m.id).join(', ')})`;
  },
};
