/**
 * ECharts as the report draws with it: the bar and heat-map charts, their axes, legend,
 * tooltip and colour scale, drawn as SVG so the printout is sharp. Loaded on its own
 * (ReportChart imports this lazily), after the figures are on the screen.
 */
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { echarts };
