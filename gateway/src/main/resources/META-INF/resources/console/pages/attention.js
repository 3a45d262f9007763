import api from '../api.js';
import { page } from '../store.js';
import { warehouseState, WAREHOUSE_PICKER } from './warehouse.js';

export default {
  name: 'attention', component: 'attentionPage', roles: ['keeper'], tab: true,
  template: `
    ${WAREHOUSE_PICKER}
    <h2 x-text="t('attention.title')"></h2>
    <ul data-testid="attention">
      <template x-for="a in attention" :key="a.kind + a.subjectId">
        <li :class="a.daysOverdue > 0 ? 'overdue' : ''"><strong x-text="a.label"></strong>：<span x-text="app.lang === 'zh' ? a.zh : a.en"></span>
          <small x-text="' · ' + t('due') + ' ' + date(a.dueOn)"></small></li>
      </template>
      <li x-show="!attention.length" x-text="t('attention.none')"></li>
    </ul>`,
  data: page(() => ({
    ...warehouseState(),
    attention: [],
    init() { this.reload(true); },
    async reload(lists) {
      try {
        await this.loadWarehouse(lists);
        this.attention = (await api.get('/api/warehouse/attention?days=7&warehouseId=' + this.warehouseId)).data;
      } catch (e) { this.fail(e); }
    }
  }))
};
