<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name />
    <message>
      <location filename="../../desktop/ui/failures.py" />
      <source>有一项工作没有完成，屏幕上的内容可能不是最新的：</source>
      <translation>有一项工作没有完成，屏幕上的内容可能不是最新的：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/failures.py" />
      <source>可以重新打开这一页再试一次；如果仍然不行，请退出后重新登录。</source>
      <translation>可以重新打开这一页再试一次；如果仍然不行，请退出后重新登录。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/failures.py" />
      <source>详情已记入日志，需要帮助时请把这个文件交给技术支持：
{0}</source>
      <translation>详情已记入日志，需要帮助时请把这个文件交给技术支持：
{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/failures.py" />
      <source>操作未完成</source>
      <translation>操作未完成</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/common.py" line="68" />
      <source>出现意外错误：{0}（数据未丢失，详情见日志）</source>
      <translation>出现意外错误：{0}（数据未丢失，详情见日志）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/common.py" line="73" />
      <source>已取消</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/common.py" line="75" />
      <source>无法完成</source>
      <translation>无法完成</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/common.py" line="128" />
      <source>暂无数据</source>
      <translation>暂无数据</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/common.py" line="153" />
      <location filename="../../desktop/ui/sync_panel.py" line="153" />
      <source>取消</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/forms.py" line="73" />
      <source>无法保存</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="30" />
      <source>地址</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="30" />
      <source>电话</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="30" />
      <source>备注</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="30" />
      <source>手机</source>
      <translation>手机</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="30" />
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="31" />
      <source>删除</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="31" />
      <source>标题</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="31" />
      <source>事实经过</source>
      <translation>事实经过</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="31" />
      <source>等级</source>
      <translation>等级</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="32" />
      <source>状态</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="32" />
      <source>地点</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="32" />
      <source>身份证号</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="32" />
      <source>标签</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="33" />
      <source>网格</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="33" />
      <source>村（社区）</source>
      <translation>村（社区）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="33" />
      <source>承办</source>
      <translation>承办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="33" />
      <source>类别</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="39" />
      <source>住户</source>
      <translation>住户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="39" />
      <source>居民</source>
      <translation>居民</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="39" />
      <source>事项</source>
      <translation>事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="39" />
      <source>走访</source>
      <translation>走访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="40" />
      <source>当事人</source>
      <translation>当事人</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="40" />
      <source>调解协议</source>
      <translation>调解协议</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="47" />
      <source>修改：{0}</source>
      <translation>修改：{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="48" />
      <source>已删除</source>
      <translation>已删除</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="48" />
      <source>保留</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="50" />
      <source>（空）</source>
      <translation>（空）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="61" />
      <source>冲突与被拒的修改</source>
      <translation>冲突与被拒的修改</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="65" />
      <source>冲突</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="66" />
      <source>被拒的修改</source>
      <translation>被拒的修改</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="89" />
      <location filename="../../desktop/ui/conflicts.py" line="112" />
      <source>记录</source>
      <translation>记录</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="89" />
      <source>字段</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="89" />
      <source>原来的值</source>
      <translation>原来的值</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="89" />
      <source>乡镇服务器上的值</source>
      <translation>乡镇服务器上的值</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="90" />
      <source>本机的值</source>
      <translation>本机的值</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="90" />
      <source>双方</source>
      <translation>双方</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="90" />
      <source>没有冲突：两处改的不是同一项。</source>
      <translation>没有冲突：两处改的不是同一项。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="91" />
      <source>两处同时改了同一项。服务器暂时保留它的值；请选择保留哪一个，或改为新的值。</source>
      <translation>两处同时改了同一项。服务器暂时保留它的值；请选择保留哪一个，或改为新的值。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="93" />
      <source>保留服务器的值</source>
      <translation>保留服务器的值</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="94" />
      <source>采用本机的值</source>
      <translation>采用本机的值</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="95" />
      <source>改为…</source>
      <translation>改为…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="112" />
      <source>时间</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="112" />
      <source>修改的内容</source>
      <translation>修改的内容</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="112" />
      <source>服务器拒绝的原因</source>
      <translation>服务器拒绝的原因</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="113" />
      <source>乡镇服务器接受了本机送去的每一条修改。</source>
      <translation>乡镇服务器接受了本机送去的每一条修改。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="114" />
      <source>这些修改乡镇服务器没有接受，仍保存在本机。请按原因处理，或联系乡镇平台。</source>
      <translation>这些修改乡镇服务器没有接受，仍保存在本机。请按原因处理，或联系乡镇平台。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="131" />
      <source>服务器：{0} {1}；本机：{2} {3}</source>
      <translation>服务器：{0} {1}；本机：{2} {3}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/conflicts.py" line="165" />
      <source>改为新的值</source>
      <translation>改为新的值</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="25" />
      <source>连接服务器</source>
      <translation>连接服务器</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="25" />
      <source>上传修改</source>
      <translation>上传修改</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="25" />
      <source>下载更新</source>
      <translation>下载更新</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="25" />
      <source>核对数量</source>
      <translation>核对数量</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="26" />
      <source>上传附件</source>
      <translation>上传附件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="26" />
      <source>下载附件</source>
      <translation>下载附件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="44" />
      <source>离线工作：尚未连接乡镇服务器</source>
      <translation>离线工作：尚未连接乡镇服务器</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="53" />
      <source>同步</source>
      <translation>同步</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="54" />
      <source>与乡镇服务器同步 (F5)</source>
      <translation>与乡镇服务器同步 (F5)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="91" />
      <source>上次同步 {0}</source>
      <translation>上次同步 {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="93" />
      <source>被拒 {0} 条</source>
      <translation>被拒 {0} 条</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="95" />
      <source>收到 {0} 条无法保存的记录（已跳过）</source>
      <translation>收到 {0} 条无法保存的记录（已跳过）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="81" />
      <source>冲突 {0}</source>
      <translation>冲突 {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="82" />
      <source>被拒 {0}</source>
      <translation>被拒 {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="88" />
      <source>{0} 条修改保存在本机，等待同步</source>
      <translation>{0} 条修改保存在本机，等待同步</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="98" />
      <source>仅在本机使用：尚未连接乡镇服务器（在“同步”菜单设置）</source>
      <translation>仅在本机使用：尚未连接乡镇服务器（在“同步”菜单设置）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="100" />
      <source>同步未完成：{0}</source>
      <translation>同步未完成：{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="102" />
      <source>离线：连不上乡镇服务器</source>
      <translation>离线：连不上乡镇服务器</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="106" />
      <source>已同步：上次 {0}</source>
      <translation>已同步：上次 {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="107" />
      <source>尚未同步</source>
      <translation>尚未同步</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="115" />
      <source>本机时钟与乡镇服务器相差 {0} 分钟，请校准</source>
      <translation>本机时钟与乡镇服务器相差 {0} 分钟，请校准</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="144" />
      <source>登记这台电脑</source>
      <translation>登记这台电脑</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="145" />
      <source>第一次同步：请输入账号“{0}”的密码，在乡镇服务器 {1} 登记这台电脑。</source>
      <translation>第一次同步：请输入账号“{0}”的密码，在乡镇服务器 {1} 登记这台电脑。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="153" />
      <location filename="../../desktop/ui/sync_panel.py" line="155" />
      <source>正在同步…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/sync_panel.py" line="181" />
      <source>同步没有完成</source>
      <translation>同步没有完成</translation>
    </message>
    <message>
      <location filename="../../desktop/app.py" line="132" />
      <source>枫桥出错了</source>
      <translation>枫桥出错了</translation>
    </message>
    <message>
      <location filename="../../desktop/app.py" line="132" />
      <source>出现意外错误：{0}

您的数据已保存到最后一次完成的操作，没有丢失。详情已记入日志：{1}</source>
      <translation>出现意外错误：{0}

您的数据已保存到最后一次完成的操作，没有丢失。详情已记入日志：{1}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="29" />
      <source>枫桥备份 (*.fqbak)</source>
      <translation>枫桥备份 (*.fqbak)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="134" />
      <source>备份本机数据</source>
      <translation>备份本机数据</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="140" />
      <source>备份完成</source>
      <translation>备份完成</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="141" />
      <source>已备份到 {0}（{1:.1f} MB）：{2} 户、{3} 人、{4} 次走访、{5} 件事项、{6} 个附件。
备份已加密，凭本机任一账号的密码才能恢复。请把它存到 U 盘等另一处。</source>
      <translation>已备份到 {0}（{1:.1f} MB）：{2} 户、{3} 人、{4} 次走访、{5} 件事项、{6} 个附件。
备份已加密，凭本机任一账号的密码才能恢复。请把它存到 U 盘等另一处。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="147" />
      <source>正在备份…</source>
      <translation>正在备份…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="157" />
      <source>正在恢复备份…</source>
      <translation>正在恢复备份…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="168" />
      <source>已恢复 {0} 于 {1} 由 {2} 做的备份。</source>
      <translation>已恢复 {0} 于 {1} 由 {2} 做的备份。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="171" />
      <source>
原来的数据已移到 {0}。</source>
      <translation>
原来的数据已移到 {0}。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="176" />
      <source>没有恢复：{0}
这台电脑上原有的数据没有改动。</source>
      <translation>没有恢复：{0}
这台电脑上原有的数据没有改动。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/bundles.py" line="17" />
      <source>枫桥离线同步包 (*{0})</source>
      <translation>枫桥离线同步包 (*{0})</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/bundles.py" line="22" />
      <location filename="../../desktop/ui/bundles.py" line="29" />
      <source>导出离线同步包</source>
      <translation>导出离线同步包</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/bundles.py" line="30" />
      <source>已写出 {0}：{1} 条待同步的修改。
请交乡镇平台导入，再把它给出的回执导入本机。</source>
      <translation>已写出 {0}：{1} 条待同步的修改。
请交乡镇平台导入，再把它给出的回执导入本机。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/bundles.py" line="39" />
      <location filename="../../desktop/ui/bundles.py" line="45" />
      <location filename="../../desktop/ui/bundles.py" line="51" />
      <source>导入离线同步包</source>
      <translation>导入离线同步包</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/bundles.py" line="45" />
      <source>把离线同步包 {0} 导入本机吗？</source>
      <translation>把离线同步包 {0} 导入本机吗？</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/bundles.py" line="52" />
      <source>已导入 {0}：上传的修改生效 {1} 条、冲突 {2} 条、被拒 {3} 条；收到乡镇的记录 {4} 条。</source>
      <translation>已导入 {0}：上传的修改生效 {1} 条、冲突 {2} 条、被拒 {3} 条；收到乡镇的记录 {4} 条。</translation>
    </message>
  </context>
  <context>
    <name>AccountDialog</name>
    <message>
      <location filename="../../desktop/ui/settings.py" line="318" />
      <source>添加账号</source>
      <translation>添加账号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="319" />
      <source>账号</source>
      <translation>账号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="320" />
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="321" />
      <source>密码</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="330" />
      <source>角色</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="331" />
      <source>范围</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="334" />
      <source>所属单位/队伍</source>
      <translation>所属单位/队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="335" />
      <source>（无）</source>
      <translation>（无）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="338" />
      <source>负责的村或网格</source>
      <translation>负责的村或网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="340" />
      <source>联系的住户</source>
      <translation>联系的住户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="341" />
      <source>联户长联系的住户：户号，用逗号分隔</source>
      <translation>联户长联系的住户：户号，用逗号分隔</translation>
    </message>
  </context>
  <context>
    <name>ActionDialog</name>
    <message>
      <location filename="../../desktop/ui/actions.py" line="114" />
      <source>无法办理</source>
      <translation>无法办理</translation>
    </message>
  </context>
  <context>
    <name>DeskPage</name>
    <message>
      <location filename="../../desktop/ui/desk.py" line="83" />
      <source>已超期</source>
      <translation>已超期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="84" />
      <location filename="../../desktop/ui/desk.py" line="123" />
      <source>临期</source>
      <translation>临期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="85" />
      <source>在办事项</source>
      <translation>在办事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="86" />
      <source>待我签收</source>
      <translation>待我签收</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="87" />
      <source>待认领工单</source>
      <translation>待认领工单</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="88" />
      <source>待立案</source>
      <translation>待立案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="89" />
      <source>待回访</source>
      <translation>待回访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="90" />
      <source>本月走访</source>
      <translation>本月走访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="91" />
      <source>司法确认申请将到期</source>
      <translation>司法确认申请将到期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="92" />
      <source>督办件</source>
      <translation>督办件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="93" />
      <source>风险预警（易激化）</source>
      <translation>风险预警（易激化）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="94" />
      <source>重点人员</source>
      <translation>重点人员</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="95" />
      <source>重复人员待处理</source>
      <translation>重复人员待处理</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="98" />
      <source>我包的案</source>
      <translation>我包的案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="114" />
      <source>期限</source>
      <translation>期限</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="114" />
      <source>编号</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="114" />
      <source>标题</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="114" />
      <location filename="../../desktop/ui/desk.py" line="123" />
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="114" />
      <source>承办</source>
      <translation>承办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="120" />
      <source>没有超期或临期的事项。</source>
      <translation>没有超期或临期的事项。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="123" />
      <source>在办</source>
      <translation>在办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="123" />
      <source>超期</source>
      <translation>超期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="129" />
      <source>我的超期和临期事项（双击打开）</source>
      <translation>我的超期和临期事项（双击打开）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="129" />
      <source>超期和临期事项（双击打开）</source>
      <translation>超期和临期事项（双击打开）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="136" />
      <source>各村（社区）情况</source>
      <translation>各村（社区）情况</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="146" />
      <source>按状态</source>
      <translation>按状态</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="147" />
      <source>按类别</source>
      <translation>按类别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="151" />
      <source>登记走访 (Ctrl+N)</source>
      <translation>登记走访 (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="153" />
      <source>上报事项 (Ctrl+M)</source>
      <translation>上报事项 (Ctrl+M)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="170" />
      <source>{0}，您好</source>
      <translation>{0}，您好</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/desk.py" line="186" />
      <source>临期（已过{0}%时限）</source>
      <translation>临期（已过{0}%时限）</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesDialog</name>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="26" />
      <source>重复人员</source>
      <translation>重复人员</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="27" />
      <source>正在读取…</source>
      <translation>正在读取…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="29" />
      <source>身份证号</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="29" />
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="29" />
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="29" />
      <source>户号</source>
      <translation>户号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="29" />
      <source>地址</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="30" />
      <source>没有重复登记的人员。</source>
      <translation>没有重复登记的人员。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="33" />
      <source>合并：保留选中的这一条，同号的其他记录并入</source>
      <translation>合并：保留选中的这一条，同号的其他记录并入</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="53" />
      <source>{0} 个身份证号登记了不止一条居民记录。选中要保留的一条后合并：相关事项改指向它，其余记录删除，审计日志记下合并。</source>
      <translation>{0} 个身份证号登记了不止一条居民记录。选中要保留的一条后合并：相关事项改指向它，其余记录删除，审计日志记下合并。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="55" />
      <source>没有重复的居民记录。</source>
      <translation>没有重复的居民记录。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="68" />
      <source>无法合并</source>
      <translation>无法合并</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/duplicates.py" line="68" />
      <source>请先选中要保留的那条记录</source>
      <translation>请先选中要保留的那条记录</translation>
    </message>
  </context>
  <context>
    <name>Fengqiao</name>
    <message>
      <location filename="../../desktop/screenshots.py" line="129" />
      <source>与邻居因排水沟堵塞发生争吵，情绪激动。</source>
      <translation>与邻居因排水沟堵塞发生争吵，情绪激动。</translation>
    </message>
  </context>
  <context>
    <name>HouseholdCard</name>
    <message>
      <location filename="../../desktop/ui/residents.py" line="155" />
      <location filename="../../desktop/ui/residents.py" line="207" />
      <source>请选择一户</source>
      <translation>请选择一户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="159" />
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="159" />
      <source>关系</source>
      <translation>关系</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="159" />
      <source>性别</source>
      <translation>性别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="159" />
      <source>出生日期</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="160" />
      <source>身份证号</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="160" />
      <source>手机号</source>
      <translation>手机号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="166" />
      <source>还没有走访记录。点“登记走访”记下这次上门。</source>
      <translation>还没有走访记录。点“登记走访”记下这次上门。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="167" />
      <source>这一户没有相关的矛盾纠纷或信访事项。</source>
      <translation>这一户没有相关的矛盾纠纷或信访事项。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="171" />
      <source>修改住户</source>
      <translation>修改住户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="173" />
      <source>添加成员</source>
      <translation>添加成员</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="175" />
      <location filename="../../desktop/ui/residents.py" line="268" />
      <source>查看完整号码</source>
      <translation>查看完整号码</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="180" />
      <source>登记走访</source>
      <translation>登记走访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="191" />
      <source>家庭成员</source>
      <translation>家庭成员</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="193" />
      <source>走访记录</source>
      <translation>走访记录</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="195" />
      <source>相关事项</source>
      <translation>相关事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="225" />
      <source>{0} {1}号户</source>
      <translation>{0} {1}号户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="226" />
      <source>无</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="228" />
      <source>地址：{0}　网格：{1}　标签：{2}</source>
      <translation>地址：{0}　网格：{1}　标签：{2}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="228" />
      <source>未分配</source>
      <translation>未分配</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="239" />
      <source>（发现事项 {0}）</source>
      <translation>（发现事项 {0}）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="268" />
      <source>请先选中一位成员</source>
      <translation>请先选中一位成员</translation>
    </message>
  </context>
  <context>
    <name>HouseholdDialog</name>
    <message>
      <location filename="../../desktop/ui/residents.py" line="113" />
      <source>新增住户</source>
      <translation>新增住户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="113" />
      <source>修改住户</source>
      <translation>修改住户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="114" />
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="117" />
      <source>网格</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="118" />
      <source>户号</source>
      <translation>户号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="119" />
      <source>地址</source>
      <translation>地址</translation>
    </message>
  </context>
  <context>
    <name>HouseholdsPage</name>
    <message>
      <location filename="../../desktop/ui/residents.py" line="300" />
      <source>搜索姓名、身份证号、手机号、地址、户号…</source>
      <translation>搜索姓名、身份证号、手机号、地址、户号…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="303" />
      <source>全部村（社区）</source>
      <translation>全部村（社区）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="307" />
      <source>新增住户</source>
      <translation>新增住户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="309" />
      <source>导入花名册…</source>
      <translation>导入花名册…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="313" />
      <source>导出…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="320" />
      <source>户号</source>
      <translation>户号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="320" />
      <source>户主</source>
      <translation>户主</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="321" />
      <source>人数</source>
      <translation>人数</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="321" />
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="322" />
      <source>网格</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="322" />
      <source>地址</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="323" />
      <source>电话</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="413" />
      <location filename="../../desktop/ui/residents.py" line="424" />
      <source>导出住户</source>
      <translation>导出住户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="413" />
      <source>住户花名册.xlsx</source>
      <translation>住户花名册.xlsx</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="422" />
      <source>正在导出…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="429" />
      <source>导入花名册</source>
      <translation>导入花名册</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="413" />
      <location filename="../../desktop/ui/residents.py" line="429" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="323" />
      <source>匹配</source>
      <translation>匹配</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="328" />
      <source>正在搜索…</source>
      <translation>正在搜索…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="330" />
      <source>没有找到住户。换个关键字，或点“新增住户”“导入花名册…”登记。</source>
      <translation>没有找到住户。换个关键字，或点“新增住户”“导入花名册…”登记。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/residents.py" line="382" />
      <source>共 %n 户</source>
      <translation>
        <numerusform>共 %n 户</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/residents.py" line="424" />
      <source>已导出 %n 户到 {0}</source>
      <translation>
        <numerusform>已导出 %n 户到 {0}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="439" />
      <source>正在导入…</source>
      <translation>正在导入…</translation>
    </message>
  </context>
  <context>
    <name>ImportReportDialog</name>
    <message>
      <location filename="../../desktop/ui/residents.py" line="454" />
      <source>导入结果</source>
      <translation>导入结果</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="455" />
      <source>导入 {0} 行：新建 {1} 户、{2} 人，更新 {3} 户、{4} 人；未导入 {5} 行。</source>
      <translation>导入 {0} 行：新建 {1} 户、{2} 人，更新 {3} 户、{4} 人；未导入 {5} 行。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="460" />
      <source>行号</source>
      <translation>行号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="460" />
      <source>字段</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="460" />
      <source>原因</source>
      <translation>原因</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="469" />
      <source>未导入的行已写入 {0}，修改后可再次导入。</source>
      <translation>未导入的行已写入 {0}，修改后可再次导入。</translation>
    </message>
  </context>
  <context>
    <name>KeyPersonsDialog</name>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="15" />
      <source>重点人员</source>
      <translation>重点人员</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="16" />
      <source>正在读取…</source>
      <translation>正在读取…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="17" />
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="17" />
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="17" />
      <source>户号</source>
      <translation>户号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="17" />
      <source>手机号</source>
      <translation>手机号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="17" />
      <source>在办事项</source>
      <translation>在办事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="18" />
      <source>相关事项</source>
      <translation>相关事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="18" />
      <source>走访次数</source>
      <translation>走访次数</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="18" />
      <source>最近走访</source>
      <translation>最近走访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="20" />
      <source>没有列为重点人员的居民。在居民信息里勾选“重点人员”即可列入。</source>
      <translation>没有列为重点人员的居民。在居民信息里勾选“重点人员”即可列入。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="34" />
      <source>共 {0} 名重点人员，其中 {1} 名有在办事项</source>
      <translation>共 {0} 名重点人员，其中 {1} 名有在办事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/key_persons.py" line="38" />
      <source>没有列为重点人员的居民。在居民信息中勾选“列为重点人员”即可加入。</source>
      <translation>没有列为重点人员的居民。在居民信息中勾选“列为重点人员”即可加入。</translation>
    </message>
  </context>
  <context>
    <name>LedgerPage</name>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="47" />
      <source>搜索编号、标题、事实、当事人…</source>
      <translation>搜索编号、标题、事实、当事人…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="49" />
      <source>全部状态</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="50" />
      <source>全部星级</source>
      <translation>全部星级</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="51" />
      <source>全部风险</source>
      <translation>全部风险</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="52" />
      <source>全部来源</source>
      <translation>全部来源</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="53" />
      <source>全部类别</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="54" />
      <source>全部村（社区）</source>
      <translation>全部村（社区）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="55" />
      <source>全部网格</source>
      <translation>全部网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="56" />
      <source>全部承办</source>
      <translation>全部承办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="58" />
      <source>全部期限</source>
      <translation>全部期限</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="59" />
      <source>正常</source>
      <translation>正常</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="59" />
      <source>临期</source>
      <translation>临期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="59" />
      <source>超期</source>
      <translation>超期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="61" />
      <source>上报日期</source>
      <translation>上报日期</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="67" />
      <source>只看重复件</source>
      <translation>只看重复件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="68" />
      <source>督办件</source>
      <translation>督办件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="68" />
      <source>风险预警（易激化）</source>
      <translation>风险预警（易激化）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="70" />
      <source>我包的案</source>
      <translation>我包的案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="71" />
      <source>全部事项</source>
      <translation>全部事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="73" />
      <source>上报事项</source>
      <translation>上报事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="75" />
      <source>导出台账…</source>
      <translation>导出台账…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="111" />
      <source>编号</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="112" />
      <source>标题</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="113" />
      <source>星级</source>
      <translation>星级</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="114" />
      <source>状态</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="115" />
      <source>期限</source>
      <translation>期限</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="116" />
      <source>风险</source>
      <translation>风险</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="117" />
      <source>来源</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="118" />
      <source>类别</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="119" />
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="120" />
      <source>网格</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="121" />
      <source>层级</source>
      <translation>层级</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="122" />
      <source>承办</source>
      <translation>承办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="123" />
      <source>督办/包案</source>
      <translation>督办/包案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="124" />
      <source>上报时间</source>
      <translation>上报时间</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/ledger.py" line="128" />
      <source>共 %n 件</source>
      <translation>
        <numerusform>共 %n 件</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="131" />
      <source>没有符合条件的事项。放宽筛选条件，或点“上报事项”登记一件。</source>
      <translation>没有符合条件的事项。放宽筛选条件，或点“上报事项”登记一件。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/ledger.py" line="252" />
      <source>已导出 %n 件事项到 {0}</source>
      <translation>
        <numerusform>已导出 %n 件事项到 {0}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="194" />
      <source>督办{0}次</source>
      <translation>督办{0}次</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="196" />
      <source>包案：{0}</source>
      <translation>包案：{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="242" />
      <location filename="../../desktop/ui/ledger.py" line="252" />
      <source>导出台账</source>
      <translation>导出台账</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="242" />
      <source>矛盾纠纷台账.xlsx</source>
      <translation>矛盾纠纷台账.xlsx</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="242" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/ledger.py" line="250" />
      <source>正在导出…</source>
      <translation>正在导出…</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../desktop/ui/start.py" line="37" />
      <source>枫桥 · 登录</source>
      <translation>枫桥 · 登录</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="49" />
      <source>登录</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="53" />
      <source>账号</source>
      <translation>账号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="54" />
      <source>密码</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="56" />
      <source>枫桥 矛盾纠纷多元化解</source>
      <translation>枫桥 矛盾纠纷多元化解</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="57" />
      <source>数据库：{0}</source>
      <translation>数据库：{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="71" />
      <source>请输入账号和密码</source>
      <translation>请输入账号和密码</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="75" />
      <source>正在解锁数据库…</source>
      <translation>正在解锁数据库…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="50" />
      <source>枫桥 · {0}</source>
      <translation>枫桥 · {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="56" />
      <source>工作台</source>
      <translation>工作台</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="58" />
      <source>住户</source>
      <translation>住户</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="62" />
      <source>走访</source>
      <translation>走访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="64" />
      <source>矛盾纠纷台账</source>
      <translation>矛盾纠纷台账</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="66" />
      <source>调解</source>
      <translation>调解</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="68" />
      <source>统计</source>
      <translation>统计</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="69" />
      <source>设置</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="115" />
      <source>{0}（{1}）</source>
      <translation>{0}（{1}）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="116" />
      <source>范围：{0}</source>
      <translation>范围：{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="125" />
      <source>文件</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="126" />
      <source>工作</source>
      <translation>工作</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="127" />
      <source>同步</source>
      <translation>同步</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="128" />
      <source>帮助</source>
      <translation>帮助</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="130" />
      <source>登记走访</source>
      <translation>登记走访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="131" />
      <source>上报事项</source>
      <translation>上报事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="132" />
      <source>搜索</source>
      <translation>搜索</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="133" />
      <source>立即同步</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="134" />
      <source>冲突与被拒的修改…</source>
      <translation>冲突与被拒的修改…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="135" />
      <source>导出离线同步包…</source>
      <translation>导出离线同步包…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="136" />
      <source>导入离线同步包…</source>
      <translation>导入离线同步包…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="137" />
      <source>备份本机数据…</source>
      <translation>备份本机数据…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="138" />
      <source>从备份恢复…</source>
      <translation>从备份恢复…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="139" />
      <source>退出</source>
      <translation>退出</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="140" />
      <location filename="../../desktop/ui/main_window.py" line="240" />
      <source>关于枫桥</source>
      <translation>关于枫桥</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="212" />
      <source>从备份恢复</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="212" />
      <source>正在同步，请等同步结束后再恢复。</source>
      <translation>正在同步，请等同步结束后再恢复。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/main_window.py" line="237" />
      <source>&lt;h3&gt;枫桥 {0}&lt;/h3&gt;&lt;p&gt;构建：{1}&lt;br&gt;数据库结构版本：{2}&lt;br&gt;数据库：{3}&lt;br&gt;数据文件夹：{4}&lt;br&gt;日志：{5}&lt;/p&gt;&lt;p&gt;本软件使用以下开源库，各依其许可证；Qt 依 LGPL-3.0 动态链接，可替换。&lt;/p&gt;</source>
      <translation>&lt;h3&gt;枫桥 {0}&lt;/h3&gt;&lt;p&gt;构建：{1}&lt;br&gt;数据库结构版本：{2}&lt;br&gt;数据库：{3}&lt;br&gt;数据文件夹：{4}&lt;br&gt;日志：{5}&lt;/p&gt;&lt;p&gt;本软件使用以下开源库，各依其许可证；Qt 依 LGPL-3.0 动态链接，可替换。&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>MatterDialog</name>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="304" />
      <source>事项详情</source>
      <translation>事项详情</translation>
    </message>
  </context>
  <context>
    <name>MatterView</name>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="56" />
      <source>请选择一件事项</source>
      <translation>请选择一件事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="61" />
      <source>打印文书</source>
      <translation>打印文书</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="78" />
      <source>添加照片或扫描件…</source>
      <translation>添加照片或扫描件…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="84" />
      <source>基本情况</source>
      <translation>基本情况</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="85" />
      <source>流转记录</source>
      <translation>流转记录</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="86" />
      <source>调解与协议</source>
      <translation>调解与协议</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="87" />
      <source>回访</source>
      <translation>回访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="88" />
      <source>附件</source>
      <translation>附件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="127" />
      <source>事实经过</source>
      <translation>事实经过</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="128" />
      <source>发生时间地点</source>
      <translation>发生时间地点</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="129" />
      <source>当事人</source>
      <translation>当事人</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="130" />
      <source>涉及人数</source>
      <translation>涉及人数</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="131" />
      <source>涉及金额</source>
      <translation>涉及金额</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="132" />
      <source>元</source>
      <translation>元</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="133" />
      <source>生效</source>
      <translation>生效</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="134" />
      <source>司法确认申请截止</source>
      <translation>司法确认申请截止</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="135" />
      <source>事实与责任</source>
      <translation>事实与责任</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="136" />
      <source>协议内容</source>
      <translation>协议内容</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="137" />
      <source>履行</source>
      <translation>履行</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="138" />
      <source>调解记录</source>
      <translation>调解记录</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="139" />
      <source>调解协议</source>
      <translation>调解协议</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="140" />
      <source>有反弹迹象</source>
      <translation>有反弹迹象</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="141" />
      <source>办结结果</source>
      <translation>办结结果</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="142" />
      <source>书面协议</source>
      <translation>书面协议</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="143" />
      <source>口头协议</source>
      <translation>口头协议</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="144" />
      <source>未生效</source>
      <translation>未生效</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="146" />
      <source>信访事项</source>
      <translation>信访事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="146" />
      <source>矛盾纠纷</source>
      <translation>矛盾纠纷</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="154" />
      <source>状态</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="155" />
      <source>期限</source>
      <translation>期限</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="156" />
      <source>承办</source>
      <translation>承办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="157" />
      <source>类型</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="158" />
      <source>风险</source>
      <translation>风险</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="159" />
      <source>层级</source>
      <translation>层级</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="160" />
      <source>来源</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="161" />
      <source>类别</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="162" />
      <source>村/网格</source>
      <translation>村/网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="170" />
      <source>补充信息</source>
      <translation>补充信息</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="210" />
      <source>{0}（等待同步）</source>
      <translation>{0}（等待同步）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="217" />
      <source>，待超期说明</source>
      <translation>，待超期说明</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="220" />
      <source>督办{0}次</source>
      <translation>督办{0}次</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="225" />
      <source>包案领导：{0}</source>
      <translation>包案领导：{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="227" />
      <source>外部工单号：{0}</source>
      <translation>外部工单号：{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="229" />
      <source>卷宗已归档</source>
      <translation>卷宗已归档</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="235" />
      <source>主工单</source>
      <translation>主工单</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="237" />
      <source>重复件</source>
      <translation>重复件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="239" />
      <source>销号回复</source>
      <translation>销号回复</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="242" />
      <source>标为其重复件</source>
      <translation>标为其重复件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="248" />
      <source>可能的重复工单</source>
      <translation>可能的重复工单</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="257" />
      <source>与 {0} 为同一诉求</source>
      <translation>与 {0} 为同一诉求</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="283" />
      <source>添加附件</source>
      <translation>添加附件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/matter_view.py" line="283" />
      <source>图片和扫描件 (*.png *.jpg *.jpeg *.pdf);;所有文件 (*)</source>
      <translation>图片和扫描件 (*.png *.jpg *.jpeg *.pdf);;所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>MediationPage</name>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="20" />
      <source>编号</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="20" />
      <source>标题</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="21" />
      <source>星级</source>
      <translation>星级</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="22" />
      <source>期限</source>
      <translation>期限</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="23" />
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="23" />
      <source>承办</source>
      <translation>承办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="33" />
      <source>没有交给您办理的事项。认领工单或等平台交办后，会出现在这里。</source>
      <translation>没有交给您办理的事项。认领工单或等平台交办后，会出现在这里。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="34" />
      <source>没有待认领的工单。</source>
      <translation>没有待认领的工单。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="36" />
      <source>我承办的</source>
      <translation>我承办的</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/mediation.py" line="36" />
      <source>待认领工单</source>
      <translation>待认领工单</translation>
    </message>
  </context>
  <context>
    <name>PagedTable</name>
    <message>
      <location filename="../../desktop/ui/paged.py" line="231" />
      <source>右键点击表头，选择显示哪些列</source>
      <translation>右键点击表头，选择显示哪些列</translation>
    </message>
  </context>
  <context>
    <name>PaperDialog</name>
    <message>
      <location filename="../../desktop/ui/papers.py" line="43" />
      <source>打印预览…</source>
      <translation>打印预览…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="44" />
      <source>保存为 PDF…</source>
      <translation>保存为 PDF…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="45" />
      <source>保存为 Word…</source>
      <translation>保存为 Word…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="46" />
      <source>关闭</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="58" />
      <source>正在生成…</source>
      <translation>正在生成…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="74" />
      <source>请在“基本情况”中点当事人后的“补充信息”，或在相应环节补录后再打印。</source>
      <translation>请在“基本情况”中点当事人后的“补充信息”，或在相应环节补录后再打印。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="83" />
      <source>PDF 文件 (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="83" />
      <source>Word 文档 (*.docx)</source>
      <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="84" />
      <source>保存文书</source>
      <translation>保存文书</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="92" />
      <source>无法保存</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="94" />
      <source>已保存</source>
      <translation>已保存</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="94" />
      <source>已保存到 {0}</source>
      <translation>已保存到 {0}</translation>
    </message>
  </context>
  <context>
    <name>PartyDialog</name>
    <message>
      <location filename="../../desktop/ui/papers.py" line="104" />
      <source>当事人信息</source>
      <translation>当事人信息</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="105" />
      <source>无法保存</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="106" />
      <source>当事人姓名</source>
      <translation>当事人姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="107" />
      <source>当事人角色</source>
      <translation>当事人角色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="109" />
      <source>当事人身份证号</source>
      <translation>当事人身份证号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="110" />
      <source>当事人电话</source>
      <translation>当事人电话</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="111" />
      <source>民族</source>
      <translation>民族</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="112" />
      <source>职业或工作单位</source>
      <translation>职业或工作单位</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/papers.py" line="113" />
      <source>住所</source>
      <translation>住所</translation>
    </message>
  </context>
  <context>
    <name>PersonDialog</name>
    <message>
      <location filename="../../desktop/ui/residents.py" line="47" />
      <source>登记居民</source>
      <translation>登记居民</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="47" />
      <source>修改居民信息</source>
      <translation>修改居民信息</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="48" />
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="49" />
      <source>性别</source>
      <translation>性别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="52" />
      <source>民族</source>
      <translation>民族</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="53" />
      <source>身份证号</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="54" />
      <source>手机号</source>
      <translation>手机号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="55" />
      <source>与户主关系</source>
      <translation>与户主关系</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="58" />
      <source>备注</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="59" />
      <source>重点人员</source>
      <translation>重点人员</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/residents.py" line="59" />
      <source>列为重点人员（稳控对象）</source>
      <translation>列为重点人员（稳控对象）</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="35" />
      <source>上报矛盾纠纷</source>
      <translation>上报矛盾纠纷</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="39" />
      <source>类型</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="40" />
      <source>矛盾纠纷</source>
      <translation>矛盾纠纷</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="41" />
      <source>信访事项</source>
      <translation>信访事项</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="43" />
      <source>标题</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="48" />
      <source>12345、首发平台等的工单号（如有）</source>
      <translation>12345、首发平台等的工单号（如有）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="49" />
      <source>来源</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="50" />
      <source>类别</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="54" />
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="57" />
      <source>网格</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="64" />
      <source>发生地点</source>
      <translation>发生地点</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="65" />
      <source>事实经过</source>
      <translation>事实经过</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="67" />
      <source>涉及人数</source>
      <translation>涉及人数</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="70" />
      <source>涉及金额</source>
      <translation>涉及金额</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="72" />
      <source> 元</source>
      <translation> 元</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="80" />
      <source>风险信号</source>
      <translation>风险信号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="83" />
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="83" />
      <source>角色</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="83" />
      <source>身份证号</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="83" />
      <source>电话</source>
      <translation>电话</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="89" />
      <source>添加当事人</source>
      <translation>添加当事人</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="92" />
      <source>上报</source>
      <translation>上报</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/report_form.py" line="93" />
      <source>无法上报</source>
      <translation>无法上报</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <location filename="../../desktop/ui/backup.py" line="96" />
      <source>从备份恢复</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="105" />
      <source>恢复</source>
      <translation>恢复</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="109" />
      <source>恢复后需要重新登录。</source>
      <translation>恢复后需要重新登录。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="120" />
      <source>正在核对密码…</source>
      <translation>正在核对密码…</translation>
    </message>
  </context>
  <context>
    <name>RestoreForm</name>
    <message>
      <location filename="../../desktop/ui/backup.py" line="38" />
      <source>U 盘或其他位置上的 .fqbak 文件</source>
      <translation>U 盘或其他位置上的 .fqbak 文件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="40" />
      <source>选择…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="52" />
      <source>备份文件</source>
      <translation>备份文件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="53" />
      <source>账号</source>
      <translation>账号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="54" />
      <source>密码</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="55" />
      <source>用备份时本机任一账号的密码恢复（网格员、调解员、平台办公室或管理员）。这台电脑上已有的数据会先移到 backups 文件夹保存，不会删除。</source>
      <translation>用备份时本机任一账号的密码恢复（网格员、调解员、平台办公室或管理员）。这台电脑上已有的数据会先移到 backups 文件夹保存，不会删除。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="61" />
      <source>选择备份文件</source>
      <translation>选择备份文件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="84" />
      <source>请选择备份文件（找不到：{0}）</source>
      <translation>请选择备份文件（找不到：{0}）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/backup.py" line="86" />
      <source>请输入备份中的账号和它的密码</source>
      <translation>请输入备份中的账号和它的密码</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <location filename="../../desktop/ui/settings.py" line="59" />
      <source>界面</source>
      <translation>界面</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="56" />
      <source>语言（重新启动后生效）</source>
      <translation>语言（重新启动后生效）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="62" />
      <location filename="../../desktop/ui/settings.py" line="71" />
      <source>账号</source>
      <translation>账号</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="62" />
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="62" />
      <source>角色</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="62" />
      <source>范围</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="62" />
      <source>所属单位/队伍</source>
      <translation>所属单位/队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="66" />
      <source>星级</source>
      <translation>星级</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="66" />
      <source>承办</source>
      <translation>承办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="66" />
      <source>时限（天）</source>
      <translation>时限（天）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="71" />
      <source>添加账号…</source>
      <translation>添加账号…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="75" />
      <source>类型</source>
      <translation>类型</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="75" />
      <source>名称</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="75" />
      <source>成员</source>
      <translation>成员</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="79" />
      <source>职能部门（单位）</source>
      <translation>职能部门（单位）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="80" />
      <location filename="../../desktop/ui/settings.py" line="195" />
      <source>调解队伍</source>
      <translation>调解队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="81" />
      <source>名称，如 司法所、派出所、老干部调解队</source>
      <translation>名称，如 司法所、派出所、老干部调解队</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="84" />
      <source>成员账号，用逗号分隔</source>
      <translation>成员账号，用逗号分隔</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="85" />
      <source>添加单位或队伍</source>
      <translation>添加单位或队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="86" />
      <source>把这些账号加入选中的单位或队伍</source>
      <translation>把这些账号加入选中的单位或队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="87" />
      <source>从 Excel 导入…</source>
      <translation>从 Excel 导入…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="88" />
      <source>单位与队伍</source>
      <translation>单位与队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="92" />
      <source>网格名称</source>
      <translation>网格名称</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="93" />
      <source>大类/小类</source>
      <translation>大类/小类</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="94" />
      <source>新的来源渠道</source>
      <translation>新的来源渠道</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="98" />
      <source>星级与办理时限</source>
      <translation>星级与办理时限</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="98" />
      <source>保存星级表</source>
      <translation>保存星级表</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="99" />
      <source>网格</source>
      <translation>网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="99" />
      <source>添加网格</source>
      <translation>添加网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="100" />
      <source>类别</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="100" />
      <source>添加类别</source>
      <translation>添加类别</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="101" />
      <source>来源渠道</source>
      <translation>来源渠道</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="101" />
      <source>添加渠道</source>
      <translation>添加渠道</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="102" />
      <source>删除选中的渠道</source>
      <translation>删除选中的渠道</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="58" />
      <source>其他设置由管理员或平台办公室维护。</source>
      <translation>其他设置由管理员或平台办公室维护。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="107" />
      <source>办理规则</source>
      <translation>办理规则</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="110" />
      <source>项目</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="110" />
      <source>内容（可用 {township} {village} {committee} {copies}）</source>
      <translation>内容（可用 {township} {village} {committee} {copies}）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="114" />
      <source>保存文书模板</source>
      <translation>保存文书模板</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="115" />
      <source>恢复默认措辞</source>
      <translation>恢复默认措辞</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="116" />
      <source>文书模板</source>
      <translation>文书模板</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="195" />
      <source>职能部门</source>
      <translation>职能部门</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="208" />
      <location filename="../../desktop/ui/settings.py" line="239" />
      <location filename="../../desktop/ui/settings.py" line="286" />
      <location filename="../../desktop/ui/settings.py" line="292" />
      <source>无法保存</source>
      <translation>无法保存</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="208" />
      <source>请先在表中选中一个单位或队伍</source>
      <translation>请先在表中选中一个单位或队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="217" />
      <location filename="../../desktop/ui/settings.py" line="234" />
      <source>导入单位和队伍</source>
      <translation>导入单位和队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="217" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="228" />
      <source>新建 {0} 个单位或队伍，加入成员 {1} 人。</source>
      <translation>新建 {0} 个单位或队伍，加入成员 {1} 人。</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="231" />
      <source>第 {0} 行 {1}：{2}</source>
      <translation>第 {0} 行 {1}：{2}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="233" />
      <source>以下各行未导入：</source>
      <translation>以下各行未导入：</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="239" />
      <source>请填写类别，如“邻里/噪音”</source>
      <translation>请填写类别，如“邻里/噪音”</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="286" />
      <source>{0} 的时限应为正整数天数</source>
      <translation>{0} 的时限应为正整数天数</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="292" />
      <source>第 {0} 行的星级名称不能为空</source>
      <translation>第 {0} 行的星级名称不能为空</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="309" />
      <source>语言</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/settings.py" line="309" />
      <source>重新启动枫桥后使用新的语言。</source>
      <translation>重新启动枫桥后使用新的语言。</translation>
    </message>
  </context>
  <context>
    <name>SetupDialog</name>
    <message>
      <location filename="../../desktop/ui/start.py" line="101" />
      <source>枫桥 · 首次使用</source>
      <translation>枫桥 · 首次使用</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="103" />
      <source>新建乡镇</source>
      <translation>新建乡镇</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="104" />
      <source>打开已有数据库</source>
      <translation>打开已有数据库</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="105" />
      <source>试用演示数据</source>
      <translation>试用演示数据</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="107" />
      <source>从备份恢复</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="121" />
      <source>开始</source>
      <translation>开始</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="122" />
      <source>取消</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="126" />
      <source>欢迎使用枫桥</source>
      <translation>欢迎使用枫桥</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="136" />
      <source>管理员密码</source>
      <translation>管理员密码</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="137" />
      <source>再输入一次</source>
      <translation>再输入一次</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="143" />
      <source>如：向城镇</source>
      <translation>如：向城镇</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="144" />
      <source>12位统计用区划代码（可不填）</source>
      <translation>12位统计用区划代码（可不填）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="145" />
      <source>乡镇（街道）名称</source>
      <translation>乡镇（街道）名称</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="146" />
      <source>区划代码</source>
      <translation>区划代码</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="154" />
      <source>选择文件…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="156" />
      <source>数据库文件</source>
      <translation>数据库文件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="166" />
      <source>户数</source>
      <translation>户数</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="169" />
      <source>演示账号 admin、platform、mediator、supervisor、leader、gw001 使用同一密码</source>
      <translation>演示账号 admin、platform、mediator、supervisor、leader、gw001 使用同一密码</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="175" />
      <source>打开数据库</source>
      <translation>打开数据库</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="175" />
      <source>枫桥数据库 (*.db)</source>
      <translation>枫桥数据库 (*.db)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="185" />
      <source>找不到数据库文件：{0}</source>
      <translation>找不到数据库文件：{0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="195" />
      <source>两次输入的密码不一致</source>
      <translation>两次输入的密码不一致</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/start.py" line="235" />
      <source>正在取消，并删除未完成的数据库…</source>
      <translation>正在取消，并删除未完成的数据库…</translation>
    </message>
  </context>
  <context>
    <name>StatsPage</name>
    <message>
      <location filename="../../desktop/ui/stats.py" line="42" />
      <source>{0}月</source>
      <translation>{0}月</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="44" />
      <source>第{0}季度</source>
      <translation>第{0}季度</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="45" />
      <source>全年</source>
      <translation>全年</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="49" />
      <source>按村（社区）</source>
      <translation>按村（社区）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="50" />
      <source>按网格</source>
      <translation>按网格</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="51" />
      <source>按单位</source>
      <translation>按单位</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="52" />
      <source>按队伍</source>
      <translation>按队伍</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="53" />
      <source>按承办单位/人</source>
      <translation>按承办单位/人</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="59" />
      <source>名次</source>
      <translation>名次</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="59" />
      <source>单位</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="59" />
      <source>得分</source>
      <translation>得分</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="59" />
      <source>立案</source>
      <translation>立案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="59" />
      <source>办结</source>
      <translation>办结</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="59" />
      <location filename="../../desktop/ui/stats.py" line="66" />
      <source>化解率</source>
      <translation>化解率</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="60" />
      <source>按期办结率</source>
      <translation>按期办结率</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="60" />
      <source>调解成功率</source>
      <translation>调解成功率</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="60" />
      <source>满意率</source>
      <translation>满意率</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="60" />
      <source>办结率</source>
      <translation>办结率</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="60" />
      <source>卷宗归档率</source>
      <translation>卷宗归档率</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="61" />
      <source>重复件</source>
      <translation>重复件</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="61" />
      <source>群体性</source>
      <translation>群体性</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="61" />
      <source>督办</source>
      <translation>督办</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="61" />
      <source>包案</source>
      <translation>包案</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="61" />
      <source>提级</source>
      <translation>提级</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="67" />
      <source>导出考核报表…</source>
      <translation>导出考核报表…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="68" />
      <source>按村、网格、单位和队伍的考核情况，PDF（含图表）或 Excel</source>
      <translation>按村、网格、单位和队伍的考核情况，PDF（含图表）或 Excel</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="70" />
      <source>本期卷宗打包…</source>
      <translation>本期卷宗打包…</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="71" />
      <source>本期办结事项的卷宗，每件一个 PDF，打包为 ZIP</source>
      <translation>本期办结事项的卷宗，每件一个 PDF，打包为 ZIP</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="74" />
      <source>年</source>
      <translation>年</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="91" />
      <source>{0} 考核报表.pdf</source>
      <translation>{0} 考核报表.pdf</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="93" />
      <source>导出考核报表</source>
      <translation>导出考核报表</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="93" />
      <source>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
      <translation>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="110" />
      <source>{0} 卷宗.zip</source>
      <translation>{0} 卷宗.zip</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="112" />
      <source>本期卷宗打包</source>
      <translation>本期卷宗打包</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="112" />
      <source>ZIP 压缩包 (*.zip)</source>
      <translation>ZIP 压缩包 (*.zip)</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="120" />
      <source>正在生成卷宗…</source>
      <translation>正在生成卷宗…</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/ui/stats.py" line="128" />
      <source>已把 %n 件事项的卷宗保存到 {0}</source>
      <translation>
        <numerusform>已把 %n 件事项的卷宗保存到 {0}</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="130" />
      <source>考核报表已保存到 {0}</source>
      <translation>考核报表已保存到 {0}</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/stats.py" line="132" />
      <source>已导出</source>
      <translation>已导出</translation>
    </message>
  </context>
  <context>
    <name>Tile</name>
    <message>
      <location filename="../../desktop/ui/desk.py" line="66" />
      <source>点击查看清单</source>
      <translation>点击查看清单</translation>
    </message>
  </context>
  <context>
    <name>VisitDialog</name>
    <message>
      <location filename="../../desktop/ui/visits.py" line="32" />
      <source>登记走访</source>
      <translation>登记走访</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="33" />
      <location filename="../../desktop/ui/visits.py" line="93" />
      <source>户（搜索）</source>
      <translation>户（搜索）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="34" />
      <source>输入姓名、户号或地址</source>
      <translation>输入姓名、户号或地址</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="38" />
      <source>走访目的</source>
      <translation>走访目的</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="42" />
      <source>走访情况</source>
      <translation>走访情况</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="44" />
      <source>需要跟进</source>
      <translation>需要跟进</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="45" />
      <source>发现矛盾纠纷</source>
      <translation>发现矛盾纠纷</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="45" />
      <source>保存后填写上报表</source>
      <translation>保存后填写上报表</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="53" />
      <source>（已选定）</source>
      <translation>（已选定）</translation>
    </message>
    <message>
      <location filename="../../desktop/ui/visits.py" line="93" />
      <source>请先搜索并选中一户</source>
      <translation>请先搜索并选中一户</translation>
    </message>
  </context>
  <context>
    <name>labels</name>
    <message>
      <source>110警情</source>
      <translation>110警情</translation>
    </message>
    <message>
      <source>12345热线</source>
      <translation>12345热线</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <source>★ 一般</source>
      <translation>★ 一般</translation>
    </message>
    <message>
      <source>★★ 复杂</source>
      <translation>★★ 复杂</translation>
    </message>
    <message>
      <source>★★★ 重大</source>
      <translation>★★★ 重大</translation>
    </message>
    <message>
      <source>上报</source>
      <translation>上报</translation>
    </message>
    <message>
      <source>上级处理意见</source>
      <translation>上级处理意见</translation>
    </message>
    <message>
      <source>下一步</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>不予立案</source>
      <translation>不予立案</translation>
    </message>
    <message>
      <source>不予立案的理由</source>
      <translation>不予立案的理由</translation>
    </message>
    <message>
      <source>不满意</source>
      <translation>不满意</translation>
    </message>
    <message>
      <source>中文（简体）</source>
      <translation>中文（简体）</translation>
    </message>
    <message>
      <source>中止/择期再调</source>
      <translation>中止/择期再调</translation>
    </message>
    <message>
      <source>临期</source>
      <translation>临期</translation>
    </message>
    <message>
      <source>主工单编号</source>
      <translation>主工单编号</translation>
    </message>
    <message>
      <source>主要事实、争议事项及各方责任</source>
      <translation>主要事实、争议事项及各方责任</translation>
    </message>
    <message>
      <source>书面协议</source>
      <translation>书面协议</translation>
    </message>
    <message>
      <source>买卖合同</source>
      <translation>买卖合同</translation>
    </message>
    <message>
      <source>交下级落实</source>
      <translation>交下级落实</translation>
    </message>
    <message>
      <source>交办</source>
      <translation>交办</translation>
    </message>
    <message>
      <source>交办意见</source>
      <translation>交办意见</translation>
    </message>
    <message>
      <source>交通事故</source>
      <translation>交通事故</translation>
    </message>
    <message>
      <source>人民调解</source>
      <translation>人民调解</translation>
    </message>
    <message>
      <source>人身损害</source>
      <translation>人身损害</translation>
    </message>
    <message>
      <source>代理人</source>
      <translation>代理人</translation>
    </message>
    <message>
      <source>份数</source>
      <translation>份数</translation>
    </message>
    <message>
      <source>住户信息</source>
      <translation>住户信息</translation>
    </message>
    <message>
      <source>信息核实</source>
      <translation>信息核实</translation>
    </message>
    <message>
      <source>信访来信</source>
      <translation>信访来信</translation>
    </message>
    <message>
      <source>信访来访</source>
      <translation>信访来访</translation>
    </message>
    <message>
      <source>信访电话</source>
      <translation>信访电话</translation>
    </message>
    <message>
      <source>修改配置</source>
      <translation>修改配置</translation>
    </message>
    <message>
      <source>借款</source>
      <translation>借款</translation>
    </message>
    <message>
      <source>儿媳</source>
      <translation>儿媳</translation>
    </message>
    <message>
      <source>兄弟姐妹</source>
      <translation>兄弟姐妹</translation>
    </message>
    <message>
      <source>全镇</source>
      <translation>全镇</translation>
    </message>
    <message>
      <source>公安移送</source>
      <translation>公安移送</translation>
    </message>
    <message>
      <source>其他</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>其他方式化解</source>
      <translation>其他方式化解</translation>
    </message>
    <message>
      <source>办理中</source>
      <translation>办理中</translation>
    </message>
    <message>
      <source>办结</source>
      <translation>办结</translation>
    </message>
    <message>
      <source>办结情况</source>
      <translation>办结情况</translation>
    </message>
    <message>
      <source>办结结果</source>
      <translation>办结结果</translation>
    </message>
    <message>
      <source>动物致害</source>
      <translation>动物致害</translation>
    </message>
    <message>
      <source>劳动争议</source>
      <translation>劳动争议</translation>
    </message>
    <message>
      <source>劳动合同</source>
      <translation>劳动合同</translation>
    </message>
    <message>
      <source>包案说明</source>
      <translation>包案说明</translation>
    </message>
    <message>
      <source>医疗</source>
      <translation>医疗</translation>
    </message>
    <message>
      <source>医疗损害</source>
      <translation>医疗损害</translation>
    </message>
    <message>
      <source>医疗费用</source>
      <translation>医疗费用</translation>
    </message>
    <message>
      <source>协议已履行</source>
      <translation>协议已履行</translation>
    </message>
    <message>
      <source>协议形式</source>
      <translation>协议形式</translation>
    </message>
    <message>
      <source>卷宗归档</source>
      <translation>卷宗归档</translation>
    </message>
    <message>
      <source>县级</source>
      <translation>县级</translation>
    </message>
    <message>
      <source>参加人员</source>
      <translation>参加人员</translation>
    </message>
    <message>
      <source>发布认领</source>
      <translation>发布认领</translation>
    </message>
    <message>
      <source>发现反弹迹象</source>
      <translation>发现反弹迹象</translation>
    </message>
    <message>
      <source>口头协议</source>
      <translation>口头协议</translation>
    </message>
    <message>
      <source>可化解</source>
      <translation>可化解</translation>
    </message>
    <message>
      <source>司法确认</source>
      <translation>司法确认</translation>
    </message>
    <message>
      <source>司法调解</source>
      <translation>司法调解</translation>
    </message>
    <message>
      <source>各方当事人已签名、盖章或按指印</source>
      <translation>各方当事人已签名、盖章或按指印</translation>
    </message>
    <message>
      <source>合作经营</source>
      <translation>合作经营</translation>
    </message>
    <message>
      <source>合同</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>合同其他</source>
      <translation>合同其他</translation>
    </message>
    <message>
      <source>同意延期</source>
      <translation>同意延期</translation>
    </message>
    <message>
      <source>商品质量</source>
      <translation>商品质量</translation>
    </message>
    <message>
      <source>噪声污染</source>
      <translation>噪声污染</translation>
    </message>
    <message>
      <source>噪音</source>
      <translation>噪音</translation>
    </message>
    <message>
      <source>回流</source>
      <translation>回流</translation>
    </message>
    <message>
      <source>回流理由</source>
      <translation>回流理由</translation>
    </message>
    <message>
      <source>回访</source>
      <translation>回访</translation>
    </message>
    <message>
      <source>回访日期</source>
      <translation>回访日期</translation>
    </message>
    <message>
      <source>土地承包</source>
      <translation>土地承包</translation>
    </message>
    <message>
      <source>地址</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>地点</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>基本满意</source>
      <translation>基本满意</translation>
    </message>
    <message>
      <source>处理同步冲突</source>
      <translation>处理同步冲突</translation>
    </message>
    <message>
      <source>备份和恢复本机数据</source>
      <translation>备份和恢复本机数据</translation>
    </message>
    <message>
      <source>女</source>
      <translation>女</translation>
    </message>
    <message>
      <source>女婿</source>
      <translation>女婿</translation>
    </message>
    <message>
      <source>婚姻</source>
      <translation>婚姻</translation>
    </message>
    <message>
      <source>婚姻家庭</source>
      <translation>婚姻家庭</translation>
    </message>
    <message>
      <source>子</source>
      <translation>子</translation>
    </message>
    <message>
      <source>孙子女</source>
      <translation>孙子女</translation>
    </message>
    <message>
      <source>宅基地</source>
      <translation>宅基地</translation>
    </message>
    <message>
      <source>审批延期</source>
      <translation>审批延期</translation>
    </message>
    <message>
      <source>审批意见</source>
      <translation>审批意见</translation>
    </message>
    <message>
      <source>审计员</source>
      <translation>审计员</translation>
    </message>
    <message>
      <source>家庭其他</source>
      <translation>家庭其他</translation>
    </message>
    <message>
      <source>导出台账</source>
      <translation>导出台账</translation>
    </message>
    <message>
      <source>导出未脱敏数据</source>
      <translation>导出未脱敏数据</translation>
    </message>
    <message>
      <source>履行方式</source>
      <translation>履行方式</translation>
    </message>
    <message>
      <source>履行期限</source>
      <translation>履行期限</translation>
    </message>
    <message>
      <source>山林土地</source>
      <translation>山林土地</translation>
    </message>
    <message>
      <source>山林权属</source>
      <translation>山林权属</translation>
    </message>
    <message>
      <source>工伤</source>
      <translation>工伤</translation>
    </message>
    <message>
      <source>已上报</source>
      <translation>已上报</translation>
    </message>
    <message>
      <source>已办结</source>
      <translation>已办结</translation>
    </message>
    <message>
      <source>已告知的法律途径（未化解时必填）</source>
      <translation>已告知的法律途径（未化解时必填）</translation>
    </message>
    <message>
      <source>已回流</source>
      <translation>已回流</translation>
    </message>
    <message>
      <source>已回访</source>
      <translation>已回访</translation>
    </message>
    <message>
      <source>已申请司法确认</source>
      <translation>已申请司法确认</translation>
    </message>
    <message>
      <source>已销号</source>
      <translation>已销号</translation>
    </message>
    <message>
      <source>平台办公室</source>
      <translation>平台办公室</translation>
    </message>
    <message>
      <source>延期天数</source>
      <translation>延期天数</translation>
    </message>
    <message>
      <source>延期理由</source>
      <translation>延期理由</translation>
    </message>
    <message>
      <source>建房</source>
      <translation>建房</translation>
    </message>
    <message>
      <source>归档说明（卷宗号、存放位置）</source>
      <translation>归档说明（卷宗号、存放位置）</translation>
    </message>
    <message>
      <source>当事人</source>
      <translation>当事人</translation>
    </message>
    <message>
      <source>当事人申请</source>
      <translation>当事人申请</translation>
    </message>
    <message>
      <source>征地拆迁</source>
      <translation>征地拆迁</translation>
    </message>
    <message>
      <source>征地补偿</source>
      <translation>征地补偿</translation>
    </message>
    <message>
      <source>待交办</source>
      <translation>待交办</translation>
    </message>
    <message>
      <source>待签收</source>
      <translation>待签收</translation>
    </message>
    <message>
      <source>待认领</source>
      <translation>待认领</translation>
    </message>
    <message>
      <source>恢复办理</source>
      <translation>恢复办理</translation>
    </message>
    <message>
      <source>恢复办理的理由</source>
      <translation>恢复办理的理由</translation>
    </message>
    <message>
      <source>成员</source>
      <translation>成员</translation>
    </message>
    <message>
      <source>户主</source>
      <translation>户主</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>房屋买卖</source>
      <translation>房屋买卖</translation>
    </message>
    <message>
      <source>房屋宅基地</source>
      <translation>房屋宅基地</translation>
    </message>
    <message>
      <source>房屋租赁</source>
      <translation>房屋租赁</translation>
    </message>
    <message>
      <source>手机号</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>承办单位或承办人</source>
      <translation>承办单位或承办人</translation>
    </message>
    <message>
      <source>承揽合同</source>
      <translation>承揽合同</translation>
    </message>
    <message>
      <source>抚养</source>
      <translation>抚养</translation>
    </message>
    <message>
      <source>拆迁安置</source>
      <translation>拆迁安置</translation>
    </message>
    <message>
      <source>损害赔偿</source>
      <translation>损害赔偿</translation>
    </message>
    <message>
      <source>排水</source>
      <translation>排水</translation>
    </message>
    <message>
      <source>提级理由</source>
      <translation>提级理由</translation>
    </message>
    <message>
      <source>提级（报请上级）</source>
      <translation>提级（报请上级）</translation>
    </message>
    <message>
      <source>政策宣传</source>
      <translation>政策宣传</translation>
    </message>
    <message>
      <source>日常走访</source>
      <translation>日常走访</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>易激化</source>
      <translation>易激化</translation>
    </message>
    <message>
      <source>星级</source>
      <translation>星级</translation>
    </message>
    <message>
      <source>服务纠纷</source>
      <translation>服务纠纷</translation>
    </message>
    <message>
      <source>未化解</source>
      <translation>未化解</translation>
    </message>
    <message>
      <source>村级</source>
      <translation>村级</translation>
    </message>
    <message>
      <source>村（社区）</source>
      <translation>村（社区）</translation>
    </message>
    <message>
      <source>查看住户</source>
      <translation>查看住户</translation>
    </message>
    <message>
      <source>查看完整身份证号和电话</source>
      <translation>查看完整身份证号和电话</translation>
    </message>
    <message>
      <source>查看矛盾纠纷</source>
      <translation>查看矛盾纠纷</translation>
    </message>
    <message>
      <source>查阅审计日志</source>
      <translation>查阅审计日志</translation>
    </message>
    <message>
      <source>标记为重复件</source>
      <translation>标记为重复件</translation>
    </message>
    <message>
      <source>核实意见</source>
      <translation>核实意见</translation>
    </message>
    <message>
      <source>核查意见</source>
      <translation>核查意见</translation>
    </message>
    <message>
      <source>核查通过，予以销号</source>
      <translation>核查通过，予以销号</translation>
    </message>
    <message>
      <source>核查销号</source>
      <translation>核查销号</translation>
    </message>
    <message>
      <source>械斗倾向</source>
      <translation>械斗倾向</translation>
    </message>
    <message>
      <source>欠薪</source>
      <translation>欠薪</translation>
    </message>
    <message>
      <source>正常</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>民转刑倾向</source>
      <translation>民转刑倾向</translation>
    </message>
    <message>
      <source>水利灌溉</source>
      <translation>水利灌溉</translation>
    </message>
    <message>
      <source>水污染</source>
      <translation>水污染</translation>
    </message>
    <message>
      <source>法院不予确认</source>
      <translation>法院不予确认</translation>
    </message>
    <message>
      <source>法院确认有效</source>
      <translation>法院确认有效</translation>
    </message>
    <message>
      <source>法院移送</source>
      <translation>法院移送</translation>
    </message>
    <message>
      <source>消费</source>
      <translation>消费</translation>
    </message>
    <message>
      <source>满意</source>
      <translation>满意</translation>
    </message>
    <message>
      <source>满意度</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>父母</source>
      <translation>父母</translation>
    </message>
    <message>
      <source>物业</source>
      <translation>物业</translation>
    </message>
    <message>
      <source>物业服务</source>
      <translation>物业服务</translation>
    </message>
    <message>
      <source>物业费</source>
      <translation>物业费</translation>
    </message>
    <message>
      <source>独居老人探访</source>
      <translation>独居老人探访</translation>
    </message>
    <message>
      <source>环境污染</source>
      <translation>环境污染</translation>
    </message>
    <message>
      <source>生产经营</source>
      <translation>生产经营</translation>
    </message>
    <message>
      <source>生产经营其他</source>
      <translation>生产经营其他</translation>
    </message>
    <message>
      <source>申请人</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>申请延期</source>
      <translation>申请延期</translation>
    </message>
    <message>
      <source>电话</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>男</source>
      <translation>男</translation>
    </message>
    <message>
      <source>登记和修改住户</source>
      <translation>登记和修改住户</translation>
    </message>
    <message>
      <source>登记走访</source>
      <translation>登记走访</translation>
    </message>
    <message>
      <source>相邻通行</source>
      <translation>相邻通行</translation>
    </message>
    <message>
      <source>督办</source>
      <translation>督办</translation>
    </message>
    <message>
      <source>督办意见</source>
      <translation>督办意见</translation>
    </message>
    <message>
      <source>督考办</source>
      <translation>督考办</translation>
    </message>
    <message>
      <source>矛盾排查</source>
      <translation>矛盾排查</translation>
    </message>
    <message>
      <source>祖父母</source>
      <translation>祖父母</translation>
    </message>
    <message>
      <source>种植养殖</source>
      <translation>种植养殖</translation>
    </message>
    <message>
      <source>空气污染</source>
      <translation>空气污染</translation>
    </message>
    <message>
      <source>立案定级</source>
      <translation>立案定级</translation>
    </message>
    <message>
      <source>第三人</source>
      <translation>第三人</translation>
    </message>
    <message>
      <source>签收</source>
      <translation>签收</translation>
    </message>
    <message>
      <source>签收意见</source>
      <translation>签收意见</translation>
    </message>
    <message>
      <source>管理员</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>管理账号</source>
      <translation>管理账号</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>继承</source>
      <translation>继承</translation>
    </message>
    <message>
      <source>网上信访</source>
      <translation>网上信访</translation>
    </message>
    <message>
      <source>网上舆情</source>
      <translation>网上舆情</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>网格员</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>网格排查</source>
      <translation>网格排查</translation>
    </message>
    <message>
      <source>网格长</source>
      <translation>网格长</translation>
    </message>
    <message>
      <source>联合调解</source>
      <translation>联合调解</translation>
    </message>
    <message>
      <source>联户长</source>
      <translation>联户长</translation>
    </message>
    <message>
      <source>联系的住户</source>
      <translation>联系的住户</translation>
    </message>
    <message>
      <source>落实期限（天）</source>
      <translation>落实期限（天）</translation>
    </message>
    <message>
      <source>行政调解</source>
      <translation>行政调解</translation>
    </message>
    <message>
      <source>被申请人</source>
      <translation>被申请人</translation>
    </message>
    <message>
      <source>认领</source>
      <translation>认领</translation>
    </message>
    <message>
      <source>记录协议</source>
      <translation>记录协议</translation>
    </message>
    <message>
      <source>记录调解</source>
      <translation>记录调解</translation>
    </message>
    <message>
      <source>说明</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>说明（法院、文书号）</source>
      <translation>说明（法院、文书号）</translation>
    </message>
    <message>
      <source>调整星级</source>
      <translation>调整星级</translation>
    </message>
    <message>
      <source>调整理由</source>
      <translation>调整理由</translation>
    </message>
    <message>
      <source>调解不成</source>
      <translation>调解不成</translation>
    </message>
    <message>
      <source>调解人员</source>
      <translation>调解人员</translation>
    </message>
    <message>
      <source>调解员</source>
      <translation>调解员</translation>
    </message>
    <message>
      <source>调解员已签名</source>
      <translation>调解员已签名</translation>
    </message>
    <message>
      <source>调解成功</source>
      <translation>调解成功</translation>
    </message>
    <message>
      <source>调解日期</source>
      <translation>调解日期</translation>
    </message>
    <message>
      <source>调解类型</source>
      <translation>调解类型</translation>
    </message>
    <message>
      <source>调解结果</source>
      <translation>调解结果</translation>
    </message>
    <message>
      <source>调解记录</source>
      <translation>调解记录</translation>
    </message>
    <message>
      <source>财产损害</source>
      <translation>财产损害</translation>
    </message>
    <message>
      <source>赡养</source>
      <translation>赡养</translation>
    </message>
    <message>
      <source>走访发现</source>
      <translation>走访发现</translation>
    </message>
    <message>
      <source>超期</source>
      <translation>超期</translation>
    </message>
    <message>
      <source>超期说明</source>
      <translation>超期说明</translation>
    </message>
    <message>
      <source>跟随系统</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>达成协议</source>
      <translation>达成协议</translation>
    </message>
    <message>
      <source>达成的协议内容</source>
      <translation>达成的协议内容</translation>
    </message>
    <message>
      <source>进展</source>
      <translation>进展</translation>
    </message>
    <message>
      <source>道路交通</source>
      <translation>道路交通</translation>
    </message>
    <message>
      <source>道路通行</source>
      <translation>道路通行</translation>
    </message>
    <message>
      <source>邻里</source>
      <translation>邻里</translation>
    </message>
    <message>
      <source>邻里其他</source>
      <translation>邻里其他</translation>
    </message>
    <message>
      <source>部分达成</source>
      <translation>部分达成</translation>
    </message>
    <message>
      <source>配偶</source>
      <translation>配偶</translation>
    </message>
    <message>
      <source>重复件</source>
      <translation>重复件</translation>
    </message>
    <message>
      <source>销号回复（来自12345等工单时必填）</source>
      <translation>销号回复（来自12345等工单时必填）</translation>
    </message>
    <message>
      <source>镇级</source>
      <translation>镇级</translation>
    </message>
    <message>
      <source>集体上访倾向</source>
      <translation>集体上访倾向</translation>
    </message>
    <message>
      <source>需关注</source>
      <translation>需关注</translation>
    </message>
    <message>
      <source>非正常死亡</source>
      <translation>非正常死亡</translation>
    </message>
    <message>
      <source>领导</source>
      <translation>领导</translation>
    </message>
    <message>
      <source>领导包案</source>
      <translation>领导包案</translation>
    </message>
    <message>
      <source>风险等级</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>首发平台</source>
      <translation>首发平台</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>15位旧号码应全为数字</source>
      <translation>15位旧号码应全为数字</translation>
    </message>
    <message>
      <source>15位旧号码，无校验位，请尽量换用18位号码</source>
      <translation>15位旧号码，无校验位，请尽量换用18位号码</translation>
    </message>
    <message>
      <source>{0} 不是枫桥备份文件</source>
      <translation>{0} 不是枫桥备份文件</translation>
    </message>
    <message>
      <source>{0} 已登记为“{1}”</source>
      <translation>{0} 已登记为“{1}”</translation>
    </message>
    <message>
      <source>{0} 已登记在户号 {1}（{2}），已移入本户</source>
      <translation>{0} 已登记在户号 {1}（{2}），已移入本户</translation>
    </message>
    <message>
      <source>{0} 缺少“名称”列（表头：名称、类型、成员）</source>
      <translation>{0} 缺少“名称”列（表头：名称、类型、成员）</translation>
    </message>
    <message>
      <source>{0} 缺少必需的列：{1}（表头可以是 {2}）</source>
      <translation>{0} 缺少必需的列：{1}（表头可以是 {2}）</translation>
    </message>
    <message>
      <source>{0}角色</source>
      <translation>{0}角色</translation>
    </message>
    <message>
      <source>“{0}”不在配置的来源渠道中</source>
      <translation>“{0}”不在配置的来源渠道中</translation>
    </message>
    <message>
      <source>“{0}”不在配置的类别中</source>
      <translation>“{0}”不在配置的类别中</translation>
    </message>
    <message>
      <source>“{0}”不属于“{1}”</source>
      <translation>“{0}”不属于“{1}”</translation>
    </message>
    <message>
      <source>“{0}”不是事项的办理状态</source>
      <translation>“{0}”不是事项的办理状态</translation>
    </message>
    <message>
      <source>不在您负责的范围内</source>
      <translation>不在您负责的范围内</translation>
    </message>
    <message>
      <source>不是有效的手机号或带区号的固定电话</source>
      <translation>不是有效的手机号或带区号的固定电话</translation>
    </message>
    <message>
      <source>不能{0}：{1}</source>
      <translation>不能{0}：{1}</translation>
    </message>
    <message>
      <source>不能为空</source>
      <translation>不能为空</translation>
    </message>
    <message>
      <source>不能为空（人民调解法第二十九条）</source>
      <translation>不能为空（人民调解法第二十九条）</translation>
    </message>
    <message>
      <source>不能为负数</source>
      <translation>不能为负数</translation>
    </message>
    <message>
      <source>不能停用自己的账号</source>
      <translation>不能停用自己的账号</translation>
    </message>
    <message>
      <source>不能关联自身</source>
      <translation>不能关联自身</translation>
    </message>
    <message>
      <source>不能包含数字</source>
      <translation>不能包含数字</translation>
    </message>
    <message>
      <source>不能晚于今天</source>
      <translation>不能晚于今天</translation>
    </message>
    <message>
      <source>不能晚于现在</source>
      <translation>不能晚于现在</translation>
    </message>
    <message>
      <source>不认识的处理方式“{0}”</source>
      <translation>不认识的处理方式“{0}”</translation>
    </message>
    <message>
      <source>与第{0}行重复</source>
      <translation>与第{0}行重复</translation>
    </message>
    <message>
      <source>两条记录的身份证号不同，不能合并</source>
      <translation>两条记录的身份证号不同，不能合并</translation>
    </message>
    <message>
      <source>主工单</source>
      <translation>主工单</translation>
    </message>
    <message>
      <source>主工单编号</source>
      <translation>主工单编号</translation>
    </message>
    <message>
      <source>乡镇的区划代码“{0}”末三位应为000</source>
      <translation>乡镇的区划代码“{0}”末三位应为000</translation>
    </message>
    <message>
      <source>事项发生地不在您负责的范围内</source>
      <translation>事项发生地不在您负责的范围内</translation>
    </message>
    <message>
      <source>事项当前为“{0}”</source>
      <translation>事项当前为“{0}”</translation>
    </message>
    <message>
      <source>信访事项延期合计不得超过{0}日</source>
      <translation>信访事项延期合计不得超过{0}日</translation>
    </message>
    <message>
      <source>信访事项延期最多{0}日</source>
      <translation>信访事项延期最多{0}日</translation>
    </message>
    <message>
      <source>冲突涉及的记录不在这台电脑上</source>
      <translation>冲突涉及的记录不在这台电脑上</translation>
    </message>
    <message>
      <source>创建数据库结构失败：{0}</source>
      <translation>创建数据库结构失败：{0}</translation>
    </message>
    <message>
      <source>区划代码“{0}”应为12位数字</source>
      <translation>区划代码“{0}”应为12位数字</translation>
    </message>
    <message>
      <source>协议形式</source>
      <translation>协议形式</translation>
    </message>
    <message>
      <source>单位名称</source>
      <translation>单位名称</translation>
    </message>
    <message>
      <source>单位类型应为 {0} 之一</source>
      <translation>单位类型应为 {0} 之一</translation>
    </message>
    <message>
      <source>卷宗已归档</source>
      <translation>卷宗已归档</translation>
    </message>
    <message>
      <source>发生时间</source>
      <translation>发生时间</translation>
    </message>
    <message>
      <source>只有{0}可以办理</source>
      <translation>只有{0}可以办理</translation>
    </message>
    <message>
      <source>只有平台办公室可以关联事项</source>
      <translation>只有平台办公室可以关联事项</translation>
    </message>
    <message>
      <source>只有当前承办人可以办理</source>
      <translation>只有当前承办人可以办理</translation>
    </message>
    <message>
      <source>只有生效的书面调解协议可以申请司法确认</source>
      <translation>只有生效的书面调解协议可以申请司法确认</translation>
    </message>
    <message>
      <source>可能民转刑</source>
      <translation>可能民转刑</translation>
    </message>
    <message>
      <source>号段{0}不常见，请核对</source>
      <translation>号段{0}不常见，请核对</translation>
    </message>
    <message>
      <source>司法确认的进展应为{0}之一</source>
      <translation>司法确认的进展应为{0}之一</translation>
    </message>
    <message>
      <source>同村且标题相近</source>
      <translation>同村且标题相近</translation>
    </message>
    <message>
      <source>同步冲突：{0} 取“{1}”</source>
      <translation>同步冲突：{0} 取“{1}”</translation>
    </message>
    <message>
      <source>地址码{0}不在已知区划内</source>
      <translation>地址码{0}不在已知区划内</translation>
    </message>
    <message>
      <source>填写为“{0}”，身份证号显示为“{1}”</source>
      <translation>填写为“{0}”，身份证号显示为“{1}”</translation>
    </message>
    <message>
      <source>备份文件 {0} 不完整（可能复制时中断），无法恢复</source>
      <translation>备份文件 {0} 不完整（可能复制时中断），无法恢复</translation>
    </message>
    <message>
      <source>备份文件 {0} 末尾有多余的数据，可能已被改动</source>
      <translation>备份文件 {0} 末尾有多余的数据，可能已被改动</translation>
    </message>
    <message>
      <source>备份文件 {0} 的文件头已损坏</source>
      <translation>备份文件 {0} 的文件头已损坏</translation>
    </message>
    <message>
      <source>备份文件 {0} 第 {1} 段已损坏或被改动，无法恢复</source>
      <translation>备份文件 {0} 第 {1} 段已损坏或被改动，无法恢复</translation>
    </message>
    <message>
      <source>备份文件中的路径不安全：{0}</source>
      <translation>备份文件中的路径不安全：{0}</translation>
    </message>
    <message>
      <source>备份文件内容不全：缺少数据库或密钥</source>
      <translation>备份文件内容不全：缺少数据库或密钥</translation>
    </message>
    <message>
      <source>备份文件内容已损坏：{0}</source>
      <translation>备份文件内容已损坏：{0}</translation>
    </message>
    <message>
      <source>备份文件格式 {0} 不受支持，请用更新版本的枫桥恢复</source>
      <translation>备份文件格式 {0} 不受支持，请用更新版本的枫桥恢复</translation>
    </message>
    <message>
      <source>外部工单号</source>
      <translation>外部工单号</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>字段“{0}”不能修改</source>
      <translation>字段“{0}”不能修改</translation>
    </message>
    <message>
      <source>密码至少{0}个字符</source>
      <translation>密码至少{0}个字符</translation>
    </message>
    <message>
      <source>密码错误次数过多，账号“{0}”已锁定{1}分钟</source>
      <translation>密码错误次数过多，账号“{0}”已锁定{1}分钟</translation>
    </message>
    <message>
      <source>密码错误（再错{0}次将锁定账号）</source>
      <translation>密码错误（再错{0}次将锁定账号）</translation>
    </message>
    <message>
      <source>密钥文件 {0} 已损坏：{1}</source>
      <translation>密钥文件 {0} 已损坏：{1}</translation>
    </message>
    <message>
      <source>密钥文件 {0} 的格式版本 {1} 不受支持</source>
      <translation>密钥文件 {0} 的格式版本 {1} 不受支持</translation>
    </message>
    <message>
      <source>导入已取消，未写入任何数据</source>
      <translation>导入已取消，未写入任何数据</translation>
    </message>
    <message>
      <source>导出已取消</source>
      <translation>导出已取消</translation>
    </message>
    <message>
      <source>小类</source>
      <translation>小类</translation>
    </message>
    <message>
      <source>尚无生效的调解协议（书面协议须各方和调解员签名），不能以“调解成功”办结</source>
      <translation>尚无生效的调解协议（书面协议须各方和调解员签名），不能以“调解成功”办结</translation>
    </message>
    <message>
      <source>尚未申请司法确认</source>
      <translation>尚未申请司法确认</translation>
    </message>
    <message>
      <source>履行方式和期限</source>
      <translation>履行方式和期限</translation>
    </message>
    <message>
      <source>已取消，演示数据库已删除</source>
      <translation>已取消，演示数据库已删除</translation>
    </message>
    <message>
      <source>已在县级，无法再提级</source>
      <translation>已在县级，无法再提级</translation>
    </message>
    <message>
      <source>已在村级，没有下级</source>
      <translation>已在村级，没有下级</translation>
    </message>
    <message>
      <source>已有名为“{0}”的{1}</source>
      <translation>已有名为“{0}”的{1}</translation>
    </message>
    <message>
      <source>已有待审批的延期申请</source>
      <translation>已有待审批的延期申请</translation>
    </message>
    <message>
      <source>已被督办，须先提交超期说明</source>
      <translation>已被督办，须先提交超期说明</translation>
    </message>
    <message>
      <source>应为17位数字加1位数字或X</source>
      <translation>应为17位数字加1位数字或X</translation>
    </message>
    <message>
      <source>应为{0}之一</source>
      <translation>应为{0}之一</translation>
    </message>
    <message>
      <source>应为{0}星之一</source>
      <translation>应为{0}星之一</translation>
    </message>
    <message>
      <source>应为“单位”或“队伍”，不是“{0}”</source>
      <translation>应为“单位”或“队伍”，不是“{0}”</translation>
    </message>
    <message>
      <source>应为“男”或“女”，而不是“{0}”</source>
      <translation>应为“男”或“女”，而不是“{0}”</translation>
    </message>
    <message>
      <source>应为书面或口头</source>
      <translation>应为书面或口头</translation>
    </message>
    <message>
      <source>应为另一件非重复的事项</source>
      <translation>应为另一件非重复的事项</translation>
    </message>
    <message>
      <source>应为矛盾纠纷或信访事项</source>
      <translation>应为矛盾纠纷或信访事项</translation>
    </message>
    <message>
      <source>应写明怎样履行、何时履行</source>
      <translation>应写明怎样履行、何时履行</translation>
    </message>
    <message>
      <source>应在协议生效后30日内（{0}前）申请</source>
      <translation>应在协议生效后30日内（{0}前）申请</translation>
    </message>
    <message>
      <source>延期天数</source>
      <translation>延期天数</translation>
    </message>
    <message>
      <source>延期天数应大于0</source>
      <translation>延期天数应大于0</translation>
    </message>
    <message>
      <source>当事人是同一户</source>
      <translation>当事人是同一户</translation>
    </message>
    <message>
      <source>当事人身份证号或电话相同</source>
      <translation>当事人身份证号或电话相同</translation>
    </message>
    <message>
      <source>性别</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>成员</source>
      <translation>成员</translation>
    </message>
    <message>
      <source>户号</source>
      <translation>户号</translation>
    </message>
    <message>
      <source>户号“{0}”在多个村都有，请用住户编号</source>
      <translation>户号“{0}”在多个村都有，请用住户编号</translation>
    </message>
    <message>
      <source>手机号</source>
      <translation>手机号</translation>
    </message>
    <message>
      <source>手机号应为11位、以13–19开头，这里是{0}位</source>
      <translation>手机号应为11位、以13–19开头，这里是{0}位</translation>
    </message>
    <message>
      <source>找不到密钥文件 {0}：数据库无法解锁（备份时请连同 .keys 文件一起复制）</source>
      <translation>找不到密钥文件 {0}：数据库无法解锁（备份时请连同 .keys 文件一起复制）</translation>
    </message>
    <message>
      <source>找不到户号“{0}”</source>
      <translation>找不到户号“{0}”</translation>
    </message>
    <message>
      <source>找不到承办单位或承办人</source>
      <translation>找不到承办单位或承办人</translation>
    </message>
    <message>
      <source>找不到数据库 {0}</source>
      <translation>找不到数据库 {0}</translation>
    </message>
    <message>
      <source>找不到文件 {0}</source>
      <translation>找不到文件 {0}</translation>
    </message>
    <message>
      <source>找不到编号为“{0}”的事项</source>
      <translation>找不到编号为“{0}”的事项</translation>
    </message>
    <message>
      <source>找不到要合并的两条居民记录</source>
      <translation>找不到要合并的两条居民记录</translation>
    </message>
    <message>
      <source>找不到该事项，或不在您的范围内</source>
      <translation>找不到该事项，或不在您的范围内</translation>
    </message>
    <message>
      <source>找不到该单位</source>
      <translation>找不到该单位</translation>
    </message>
    <message>
      <source>找不到该居民</source>
      <translation>找不到该居民</translation>
    </message>
    <message>
      <source>找不到该当事人</source>
      <translation>找不到该当事人</translation>
    </message>
    <message>
      <source>找不到该户</source>
      <translation>找不到该户</translation>
    </message>
    <message>
      <source>找不到该户，或不在您的范围内</source>
      <translation>找不到该户，或不在您的范围内</translation>
    </message>
    <message>
      <source>找不到该村（社区）</source>
      <translation>找不到该村（社区）</translation>
    </message>
    <message>
      <source>找不到该走访记录</source>
      <translation>找不到该走访记录</translation>
    </message>
    <message>
      <source>数据库 {0} 已存在，不会覆盖</source>
      <translation>数据库 {0} 已存在，不会覆盖</translation>
    </message>
    <message>
      <source>数据库中没有乡镇</source>
      <translation>数据库中没有乡镇</translation>
    </message>
    <message>
      <source>数据库升级失败，已从升级前的备份恢复（{0}），数据未丢失。原因：{1}</source>
      <translation>数据库升级失败，已从升级前的备份恢复（{0}），数据未丢失。原因：{1}</translation>
    </message>
    <message>
      <source>数据库文件 {0} 无法读取：文件已损坏，或与密钥文件不匹配（{1}）</source>
      <translation>数据库文件 {0} 无法读取：文件已损坏，或与密钥文件不匹配（{1}）</translation>
    </message>
    <message>
      <source>文书模板</source>
      <translation>文书模板</translation>
    </message>
    <message>
      <source>文件 {0} 有 {1:.0f} MB，最大 {2} MB</source>
      <translation>文件 {0} 有 {1:.0f} MB，最大 {2} MB</translation>
    </message>
    <message>
      <source>无法生成{0}，缺少：{1}</source>
      <translation>无法生成{0}，缺少：{1}</translation>
    </message>
    <message>
      <source>无法读取 {0}：不是有效的 .xlsx 工作簿（{1}）</source>
      <translation>无法读取 {0}：不是有效的 .xlsx 工作簿（{1}）</translation>
    </message>
    <message>
      <source>日期</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>星级</source>
      <translation>星级</translation>
    </message>
    <message>
      <source>星级{0}未配置（可选：{1}）</source>
      <translation>星级{0}未配置（可选：{1}）</translation>
    </message>
    <message>
      <source>最多2000个字符</source>
      <translation>最多2000个字符</translation>
    </message>
    <message>
      <source>最多200个字符</source>
      <translation>最多200个字符</translation>
    </message>
    <message>
      <source>最多40个字母、数字或 - _ /</source>
      <translation>最多40个字母、数字或 - _ /</translation>
    </message>
    <message>
      <source>有械斗倾向</source>
      <translation>有械斗倾向</translation>
    </message>
    <message>
      <source>有集体上访倾向</source>
      <translation>有集体上访倾向</translation>
    </message>
    <message>
      <source>期限配置无效：{0}</source>
      <translation>期限配置无效：{0}</translation>
    </message>
    <message>
      <source>未知的文书“{0}”（可选：{1}）</source>
      <translation>未知的文书“{0}”（可选：{1}）</translation>
    </message>
    <message>
      <source>未知的模板项“{0}”</source>
      <translation>未知的模板项“{0}”</translation>
    </message>
    <message>
      <source>未知的步骤</source>
      <translation>未知的步骤</translation>
    </message>
    <message>
      <source>未知的调解结果</source>
      <translation>未知的调解结果</translation>
    </message>
    <message>
      <source>未知的风险等级</source>
      <translation>未知的风险等级</translation>
    </message>
    <message>
      <source>未知角色“{0}”（可选：{1}）</source>
      <translation>未知角色“{0}”（可选：{1}）</translation>
    </message>
    <message>
      <source>未知：{0}</source>
      <translation>未知：{0}</translation>
    </message>
    <message>
      <source>本村已有户号为“{0}”的住户</source>
      <translation>本村已有户号为“{0}”的住户</translation>
    </message>
    <message>
      <source>本级已调解{0}次未成，应提级报请上一级</source>
      <translation>本级已调解{0}次未成，应提级报请上一级</translation>
    </message>
    <message>
      <source>村/社区</source>
      <translation>村/社区</translation>
    </message>
    <message>
      <source>村（社区）“{0}”已存在</source>
      <translation>村（社区）“{0}”已存在</translation>
    </message>
    <message>
      <source>村（社区）的区划代码“{0}”末三位不应为000</source>
      <translation>村（社区）的区划代码“{0}”末三位不应为000</translation>
    </message>
    <message>
      <source>来源</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>来自工单 {0}，须填写回复内容</source>
      <translation>来自工单 {0}，须填写回复内容</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>校验位不符（应为{0}）</source>
      <translation>校验位不符（应为{0}）</translation>
    </message>
    <message>
      <source>没有待审批的延期申请</source>
      <translation>没有待审批的延期申请</translation>
    </message>
    <message>
      <source>没有账号：{0}</source>
      <translation>没有账号：{0}</translation>
    </message>
    <message>
      <source>涉及{0}人（≥{1}人）</source>
      <translation>涉及{0}人（≥{1}人）</translation>
    </message>
    <message>
      <source>涉及人数</source>
      <translation>涉及人数</translation>
    </message>
    <message>
      <source>涉及金额</source>
      <translation>涉及金额</translation>
    </message>
    <message>
      <source>涉及金额{0:,.0f}元（≥10万元）</source>
      <translation>涉及金额{0:,.0f}元（≥10万元）</translation>
    </message>
    <message>
      <source>涉及非正常死亡</source>
      <translation>涉及非正常死亡</translation>
    </message>
    <message>
      <source>满意度</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>立案时须选择类别</source>
      <translation>立案时须选择类别</translation>
    </message>
    <message>
      <source>管理员和审计员不能是同一个账号</source>
      <translation>管理员和审计员不能是同一个账号</translation>
    </message>
    <message>
      <source>管理员密码至少8个字符</source>
      <translation>管理员密码至少8个字符</translation>
    </message>
    <message>
      <source>类别</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>网格</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>网格不属于所选的村（社区）</source>
      <translation>网格不属于所选的村（社区）</translation>
    </message>
    <message>
      <source>考核期间“{0}”应为 2026-10、2026-Q4 或 2026</source>
      <translation>考核期间“{0}”应为 2026-10、2026-Q4 或 2026</translation>
    </message>
    <message>
      <source>考核维度“{0}”应为 {1} 之一</source>
      <translation>考核维度“{0}”应为 {1} 之一</translation>
    </message>
    <message>
      <source>联户长上报事项，须从所联系住户的走访记录发起</source>
      <translation>联户长上报事项，须从所联系住户的走访记录发起</translation>
    </message>
    <message>
      <source>联户长至少要联系一户，请填写户号</source>
      <translation>联户长至少要联系一户，请填写户号</translation>
    </message>
    <message>
      <source>联系的住户</source>
      <translation>联系的住户</translation>
    </message>
    <message>
      <source>至少选择一个角色</source>
      <translation>至少选择一个角色</translation>
    </message>
    <message>
      <source>花括号中只能是 {{township}}、{{village}}、{{committee}} 或 {{copies}}（{0}）</source>
      <translation>花括号中只能是 {{township}}、{{village}}、{{committee}} 或 {{copies}}（{0}）</translation>
    </message>
    <message>
      <source>范围类型应为 household、grid、village 或 township，而不是“{0}”</source>
      <translation>范围类型应为 household、grid、village 或 township，而不是“{0}”</translation>
    </message>
    <message>
      <source>落实期限应大于0天</source>
      <translation>落实期限应大于0天</translation>
    </message>
    <message>
      <source>请选择一个村（社区）</source>
      <translation>请选择一个村（社区）</translation>
    </message>
    <message>
      <source>调解日期</source>
      <translation>调解日期</translation>
    </message>
    <message>
      <source>调解类型</source>
      <translation>调解类型</translation>
    </message>
    <message>
      <source>调解结果</source>
      <translation>调解结果</translation>
    </message>
    <message>
      <source>调解记录</source>
      <translation>调解记录</translation>
    </message>
    <message>
      <source>账号“{0}”不存在</source>
      <translation>账号“{0}”不存在</translation>
    </message>
    <message>
      <source>账号“{0}”因多次密码错误已锁定，请于{1}后再试，或请管理员重置密码</source>
      <translation>账号“{0}”因多次密码错误已锁定，请于{1}后再试，或请管理员重置密码</translation>
    </message>
    <message>
      <source>账号“{0}”在这台电脑上不存在</source>
      <translation>账号“{0}”在这台电脑上不存在</translation>
    </message>
    <message>
      <source>账号“{0}”已停用，请联系管理员</source>
      <translation>账号“{0}”已停用，请联系管理员</translation>
    </message>
    <message>
      <source>账号“{0}”已存在</source>
      <translation>账号“{0}”已存在</translation>
    </message>
    <message>
      <source>账号“{0}”没有“{1}”的权限</source>
      <translation>账号“{0}”没有“{1}”的权限</translation>
    </message>
    <message>
      <source>账号“{0}”没有恢复备份的权限（需网格员、调解员、平台办公室或管理员）</source>
      <translation>账号“{0}”没有恢复备份的权限（需网格员、调解员、平台办公室或管理员）</translation>
    </message>
    <message>
      <source>账号名应为2–50个字母、数字、下划线、点或横线</source>
      <translation>账号名应为2–50个字母、数字、下划线、点或横线</translation>
    </message>
    <message>
      <source>走访时间</source>
      <translation>走访时间</translation>
    </message>
    <message>
      <source>走访目的</source>
      <translation>走访目的</translation>
    </message>
    <message>
      <source>身份证号</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>这台电脑第一次同步：请输入本账号的密码，以便在乡镇服务器登记设备</source>
      <translation>这台电脑第一次同步：请输入本账号的密码，以便在乡镇服务器登记设备</translation>
    </message>
    <message>
      <source>这户不在您负责的范围内</source>
      <translation>这户不在您负责的范围内</translation>
    </message>
    <message>
      <source>这条冲突已不存在或已处理</source>
      <translation>这条冲突已不存在或已处理</translation>
    </message>
    <message>
      <source>进展</source>
      <translation>进展</translation>
    </message>
    <message>
      <source>销号回复</source>
      <translation>销号回复</translation>
    </message>
    <message>
      <source>长度为{0}个字符，最多50个</source>
      <translation>长度为{0}个字符，最多50个</translation>
    </message>
    <message>
      <source>长度为{0}位，应为18位</source>
      <translation>长度为{0}位，应为18位</translation>
    </message>
    <message>
      <source>附件只能加到事项或走访上，而不是“{0}”</source>
      <translation>附件只能加到事项或走访上，而不是“{0}”</translation>
    </message>
    <message>
      <source>须填写{0}</source>
      <translation>须填写{0}</translation>
    </message>
    <message>
      <source>须填写督办意见</source>
      <translation>须填写督办意见</translation>
    </message>
    <message>
      <source>风险信号</source>
      <translation>风险信号</translation>
    </message>
    <message>
      <source>风险等级</source>
      <translation>风险等级</translation>
    </message>
  </context>
</TS>