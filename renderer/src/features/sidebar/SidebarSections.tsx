import { useState, type ReactNode } from 'react';
import { TabList } from '../../components/TabList.tsx';

/** One section of the sidebar: History now; Collections and Environments join the same list. */
export interface SidebarSection {
  key: string;
  label: string;
  icon: ReactNode;
  panel: ReactNode;
}

/** A switcher over the sidebar's sections; only the chosen section's panel is mounted. */
export function SidebarSections({ sections, label }: { sections: SidebarSection[]; label: string }) {
  const [selected, setSelected] = useState(sections[0]?.key ?? '');
  const current = sections.find((section) => section.key === selected) ?? sections[0];
  return (
    <div className="sidebar-sections">
      <TabList
        idPrefix="sidebar"
        label={label}
        selected={current?.key ?? ''}
        onSelect={setSelected}
        items={sections.map((section) => ({
          key: section.key,
          label: (
            <>
              {section.icon}
              {section.label}
            </>
          ),
          testId: `sidebar-section-${section.key}`,
        }))}
      />
      <div className="sidebar-panel" role="tabpanel" id="sidebar-panel" aria-labelledby={`sidebar-tab-${current?.key ?? ''}`}>
        {current?.panel}
      </div>
    </div>
  );
}
